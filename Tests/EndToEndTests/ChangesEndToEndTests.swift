import Foundation
import TestSupport
import Testing

/// `[[change]]` tables applied by `--config`, exported again by `traintop changes`, and the run made
/// again from the export: the same losses to the last digit.
@Suite struct ChangesEndToEndTests {
  @Test func exportedChangesMakeTheSameRun() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let schedule = dir.appendingPathComponent("schedule.toml")
    try """
    epochs = 3
    [[change]]
    step = 50
    lr = 0.003
    [[change]]
    step = 70
    optimizer = "sgd"
    [[change]]
    step = 90
    clip-norm = 1.5
    """.write(to: schedule, atomically: true, encoding: .utf8)
    let runs = dir.appendingPathComponent("runs")
    let first = try runHeadless(
      ["train", "digits", "--config", schedule.path, "--runs-dir", runs.path, "--name", "a"], in: dir)
    try #require(first.status == 0, "\(first.standardError)")
    let runA = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first)
    let events = try String(contentsOf: runs.appendingPathComponent("\(runA)/events.jsonl"), encoding: .utf8)
    #expect(events.contains("replaying 3 manual changes of ") && events.contains("schedule.toml at their steps"))
    #expect(events.contains(#""source":"config""#) && events.contains(#""setting":"optimizer""#))

    let exported = dir.appendingPathComponent("exported.toml")
    let export = try runHeadless(["changes", runs.appendingPathComponent(runA).path, "-o", exported.path], in: dir)
    try #require(export.status == 0, "\(export.standardError)")
    let text = try String(contentsOf: exported, encoding: .utf8)
    #expect(text.contains("[[change]]\nstep = 70\noptimizer = \"sgd\"\n"))
    #expect(text.contains("[[change]]\nstep = 90\nclip-norm = 1.5\n"))

    let second = try runHeadless(
      ["train", "digits", "--epochs", "3", "--config", exported.path, "--runs-dir", runs.path, "--name", "b"], in: dir)
    try #require(second.status == 0, "\(second.standardError)")
    let runB = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasSuffix("-b") })
    func losses(_ run: String) throws -> [String] {
      try String(contentsOf: runs.appendingPathComponent("\(run)/steps.jsonl"), encoding: .utf8)
        .split(separator: "\n").map { String($0.split(separator: ",")[2]) }  // "loss":…
    }
    let lossesA = try losses(runA)
    #expect(lossesA.count == 120 && lossesA.allSatisfy { $0.hasPrefix("\"loss\":") })
    #expect(try losses(runB) == lossesA)

    // Stopped after 2 epochs (the changes at 50 and 70 made), resumed to 3: config.json keeps the
    // schedule, the checkpoint how much of it was made; only the change at 90 is made again.
    let short = try runHeadless(
      ["train", "digits", "--epochs", "2", "--config", schedule.path, "--runs-dir", runs.path, "--name", "c"], in: dir)
    try #require(short.status == 0, "\(short.standardError)")
    let runC = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasSuffix("-c") })
    let resumed = try runHeadless(
      ["train", "--resume", runs.appendingPathComponent(runC).path, "--epochs", "3"], in: dir)
    try #require(resumed.status == 0, "\(resumed.standardError)")
    let eventsC = try String(contentsOf: runs.appendingPathComponent("\(runC)/events.jsonl"), encoding: .utf8)
    let scheduled = eventsC.split(separator: "\n").filter { $0.contains(#""source":"config""#) }
    #expect(scheduled.count == 3 && scheduled.last?.contains(#""setting":"clip-norm""#) == true)
    #expect(try losses(runC) == lossesA)

    let missing = try runHeadless(["changes", dir.appendingPathComponent("nope").path], in: dir)
    #expect(missing.status == 66 && missing.standardError.contains("config.json"))
  }
}
