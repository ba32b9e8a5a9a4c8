import Foundation
import TestSupport
import Testing

/// `traintop search` end to end: a grid's trials are its product, best.toml trains again, ASHA
/// prunes, an interrupted search resumes without running finished trials again.
@Suite struct SearchEndToEndTests {
  /// trials.csv's rows as dictionaries by column name.
  static func trials(_ directory: URL) throws -> [[String: String]] {
    let text = try String(contentsOf: directory.appendingPathComponent("trials.csv"), encoding: .utf8)
    let lines = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    guard let header = lines.first else { return [] }
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }

  static func searchDirectory(_ runs: URL) throws -> URL {
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasSuffix("-search") })
    return runs.appendingPathComponent(name)
  }

  @Test func gridRunsTheProductAndBestTrainsAgain() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    let result = try runHeadless(
      [
        "search", "digits", "--vary", "lr=1e-3..1e-1:log:3", "--vary", "optimizer=adam,sgd", "--strategy", "grid",
        "--epochs", "2", "--parallel", "2", "--metric", "val_accuracy", "--runs-dir", runs.path, "--tensorboard", "off",
      ], in: dir)
    try #require(result.status == 0, "\(result.standardError)")
    let search = try Self.searchDirectory(runs)
    #expect(search.lastPathComponent.hasSuffix("-digits-search"))
    let rows = try Self.trials(search)
    #expect(rows.count == 6 && rows.allSatisfy { $0["state"] == "complete" && $0["epochs"] == "2" })
    let pairs = Set(rows.map { "\($0["lr"] ?? "")/\($0["optimizer"] ?? "")" })
    #expect(pairs == ["0.001/adam", "0.001/sgd", "0.01/adam", "0.01/sgd", "0.1/adam", "0.1/sgd"])
    #expect(rows.map { $0["number"] } == (0..<6).map { "\($0)" })
    // Each trial has its own run directory with its metrics.
    for number in 0..<6 {
      let metrics = search.appendingPathComponent(String(format: "trial-%04d/metrics.csv", number))
      #expect(FileManager.default.fileExists(atPath: metrics.path))
    }
    // traintop runs lists the trials, named by their path under the runs folder.
    let listed = try runHeadless(["runs", "--runs-dir", runs.path], in: dir)
    try #require(listed.status == 0, "\(listed.standardError)")
    for number in 0..<6 {
      #expect(
        listed.standardOutput.contains("\(search.lastPathComponent)/trial-000\(number)"), "\(listed.standardOutput)")
    }
    // The best row holds the largest objective, and best.toml trains it again to the same number.
    let best = try #require(rows.max { Double($0["objective"] ?? "") ?? 0 < Double($1["objective"] ?? "") ?? 0 })
    let bestText = try String(contentsOf: search.appendingPathComponent("best.toml"), encoding: .utf8)
    #expect(bestText.contains("optimizer = \"\(best["optimizer"] ?? "")\""))
    #expect(result.standardOutput.contains("Search: 6 trials: 6 complete, 0 pruned, 0 failed"))
    let again = try runHeadless(
      ["train", "--config", search.appendingPathComponent("best.toml").path, "--runs-dir", runs.path, "--jsonl"],
      in: dir)
    try #require(again.status == 0, "\(again.standardError)")
    let epochs = try jsonLines(again.standardOutput).filter { $0["epoch"] != nil }
    let valAccuracies = epochs.compactMap { $0["val_acc"] as? Double }
    let objective = try #require(Double(best["objective"] ?? ""))
    #expect(
      abs((valAccuracies.max() ?? -1) - objective) < 1e-9, "best.toml gave \(valAccuracies), the trial \(objective)")
  }

  @Test func ashaPrunesAndJSONLinesReportEachTrial() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    let result = try runHeadless(
      [
        "search", "digits", "--vary", "lr=1e-5..1e-1:log", "--trials", "10", "--strategy", "random", "--pruner", "asha",
        "--epochs", "5", "--parallel", "1", "--runs-dir", runs.path, "--tensorboard", "off", "--jsonl",
      ], in: dir)
    try #require(result.status == 0, "\(result.standardError)")
    let lines = try jsonLines(result.standardOutput)
    let trials = lines.filter { $0["number"] != nil }
    #expect(trials.count == 10)
    let pruned = trials.filter { $0["state"] as? String == "pruned" }
    #expect(!pruned.isEmpty && pruned.allSatisfy { ($0["epochs"] as? Int ?? 5) < 5 })
    // ASHA judges rung 0 at epoch 1 and rung 1 at epoch 4: a pruned trial stopped at one of them.
    #expect(pruned.allSatisfy { [1, 4].contains($0["epochs"] as? Int ?? 0) })
    let summary = try #require(lines.last)
    #expect(summary["pruned"] as? Int == pruned.count)
    let rows = try Self.trials(Self.searchDirectory(runs))
    #expect(rows.filter { $0["state"] == "pruned" }.count == pruned.count)
  }

  /// SIGINT after the first trial: exit 130, that trial kept; `--resume` runs the rest only.
  @Test func anInterruptedSearchResumes() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    let process = try startTraintop(
      [
        "search", "digits", "--vary", "lr=1e-3..1e-2:log", "--trials", "3", "--strategy", "random", "--pruner", "none",
        "--epochs", "40", "--parallel", "1", "--runs-dir", runs.path, "--tensorboard", "off", "--batch-size", "8",
      ], in: dir)
    // Wait for trial 0 to finish and trial 1 to start.
    var first: [String: String]?
    for _ in 0..<1200 {
      if let search = try? Self.searchDirectory(runs), let rows = try? Self.trials(search), rows.count >= 2,
        rows[0]["state"] == "complete"
      {
        first = rows[0]
        break
      }
      usleep(50_000)
    }
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    let kept = try #require(first, "trial 0 never finished")
    #expect(process.terminationStatus == 130)
    let search = try Self.searchDirectory(runs)
    let interrupted = try Self.trials(search)
    #expect(interrupted[0] == kept && interrupted[1]["state"] == "running")
    let resumed = try runHeadless(["search", "--resume", search.path], in: dir)
    try #require(resumed.status == 0, "\(resumed.standardError)")
    #expect(resumed.standardOutput.contains("resuming: 1 finished trials kept, 1 interrupted run again"))
    let rows = try Self.trials(search)
    #expect(rows.count == 3 && rows.allSatisfy { $0["state"] == "complete" })
    #expect(rows[0] == kept, "the finished trial was run again")
    #expect(rows[1]["lr"] == interrupted[1]["lr"], "the interrupted trial keeps its parameters")
    // --trials on --resume sets a new total: one more trial, the three kept.
    let extended = try runHeadless(["search", "--resume", search.path, "--trials", "4", "--epochs", "2"], in: dir)
    #expect(extended.status == 64 && extended.standardError.contains("leave out --epochs"))
    let more = try runHeadless(["search", "--resume", search.path, "--trials", "4"], in: dir)
    try #require(more.status == 0, "\(more.standardError)")
    let four = try Self.trials(search)
    #expect(four.count == 4 && Array(four.prefix(3)) == rows && four[3]["state"] == "complete")
    let refused = try runHeadless(["search", "--resume", search.path, "--strategy", "grid"], in: dir)
    #expect(refused.status == 64 && refused.standardError.contains("leave out --strategy"))
  }

  @Test func badSpacesWriteNothing() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    for arguments in [
      ["--vary", "lr=0..1:log"], ["--vary", "optimizer=1..2"], ["--vary", "nope=1,2"],
      ["--vary", "lr=1e-4..1e-1", "--strategy", "grid"], ["--vary", "lr=1e-4..1e-1", "--folds", "500"],
    ] {
      let result = try runHeadless(["search", "digits", "--runs-dir", runs.path] + arguments, in: dir)
      #expect(result.status == 64, "\(arguments): \(result.standardError)")
      #expect(result.standardError.hasPrefix("traintop: ") && result.standardError.split(separator: "\n").count == 1)
    }
    #expect(!FileManager.default.fileExists(atPath: runs.path))
  }
}
