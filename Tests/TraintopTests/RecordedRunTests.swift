import Dashboard
import Foundation
import NN
import TestSupport
import Testing
import Training

@testable import traintop

/// `traintop view`'s reading of a run directory: the state at any step, as it was then.
@Suite struct RecordedRunTests {
  /// A 3-epoch digits run (40 steps an epoch) with scheduled changes: lr at 50, optimizer at 55,
  /// patience at 60.
  static func makeRun(in dir: URL) throws -> URL {
    let schedule = dir.appendingPathComponent("s.toml")
    try """
    epochs = 3
    [[change]]
    step = 50
    lr = 0.003
    [[change]]
    step = 55
    optimizer = "sgd"
    [[change]]
    step = 60
    patience = 7
    """.write(to: schedule, atomically: true, encoding: .utf8)
    let runs = dir.appendingPathComponent("runs")
    let result = try runProcess(
      builtProduct("traintop"),
      ["train", "digits", "--headless", "--config", schedule.path, "--runs-dir", runs.path, "--name", "r"],
      environment: ["TRAINTOP_DATASETS": Fixtures.datasets.path])
    try #require(result.status == 0, "\(result.standardError)")
    let name = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first)
    return runs.appendingPathComponent(name)
  }

  @Test func snapshotsShowTheRunAsItWasAtEachStep() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try RecordedRun(directory: try Self.makeRun(in: dir))
    #expect(run.lastStep == 120 && run.stepsPerEpoch == 40 && run.epochEndStep(2) == 80)
    #expect(run.layerNames == ["dense1 256", "dense2 10"])

    let end = run.snapshot(atStep: nil)
    #expect(end.status == .stopped(.epochsDone) && end.step == 120 && end.epochs.count == 3)
    #expect(end.info.isRecorded && end.info.totalSteps == 120 && end.info.datasetName == "digits")
    #expect(end.testMetrics.contains { $0.name == "test_accuracy" })
    #expect(end.optimizer == .sgd && end.hyperparameters[.learningRate] == 0.003)
    #expect(end.hyperparameters[.patience] == 7 && end.earlyStopping?.patience == 7)
    #expect(end.events.contains { $0.message == "lr 1.0e-3 → 3.0e-3" })
    #expect(end.learningRateChanges == [50])
    #expect(end.stepLoss.pointCount == 120 && end.layerGradientNorms.map(\.name) == ["dense1 256", "dense2 10"])

    let early = run.snapshot(atStep: 45)
    #expect(early.status == .paused && early.step == 45 && early.epoch == 2)
    #expect(early.epochs.map(\.epoch) == [1] && early.testMetrics.isEmpty)
    #expect(early.optimizer == .adam && early.hyperparameters[.learningRate] == 0.001)
    #expect(early.earlyStopping?.bestEpoch == 1 && early.earlyStopping?.patience == 10)
    #expect(!early.events.contains { $0.message.hasPrefix("lr ") } && early.learningRateChanges.isEmpty)
    #expect(early.stepLoss.pointCount == 45)
    // The per-step values are the logged ones: step 45's loss and rate.
    #expect(early.stepLoss.buckets.last?.last == run.steps.loss[44])

    #expect(run.snapshot(atStep: 54).optimizer == .adam && run.snapshot(atStep: 55).optimizer == .sgd)
    #expect(run.snapshot(atStep: 10_000).step == 120)  // clamped
    #expect(run.epochEndStep(Int.max) == Int.max && run.snapshot(atStep: run.epochEndStep(Int.max)).step == 120)
    #expect(run.comparison.epochs.count == 3 && run.comparison.stepLoss.pointCount == 120)
  }

  /// A run still being written: only whole lines are read, and what is appended shows up.
  @Test func refreshReadsOnlyWholeNewLines() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let directory = try Self.makeRun(in: dir)
    try FileManager.default.removeItem(at: directory.appendingPathComponent("results.json"))
    let run = try RecordedRun(directory: directory)
    #expect(run.snapshot(atStep: nil).status == .running)
    let steps = try FileHandle(forWritingTo: directory.appendingPathComponent("steps.jsonl"))
    defer { try? steps.close() }
    try steps.seekToEnd()
    try steps.write(contentsOf: Data(#"{"step":121,"epoch":4,"loss":0.5,"lr":0.003,"grad_"#.utf8))
    #expect(!run.refresh())
    #expect(run.lastStep == 120)
    try steps.write(contentsOf: Data(#"norm":1,"layer_grad_norms":[1,2],"samples_per_sec":10}"#.utf8 + [10]))
    #expect(run.refresh())
    #expect(run.lastStep == 121 && run.snapshot(atStep: nil).stepLoss.pointCount == 121)
    // A resume rewinds the log to its checkpoint: the shorter file is read again from the start.
    let url = directory.appendingPathComponent("steps.jsonl")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix(10)
    try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    #expect(run.refresh())
    #expect(run.lastStep == 10 && run.steps.count == 10)
  }

  @Test func outOfRangeConfigValuesAreBadData() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let directory = try Self.makeRun(in: dir)
    let config = directory.appendingPathComponent("config.json")
    let text = try String(contentsOf: config, encoding: .utf8)
    try text.replacingOccurrences(of: "\"batchSize\" : 32", with: "\"batchSize\" : -4")
      .write(to: config, atomically: true, encoding: .utf8)
    #expect(text.contains("\"batchSize\" : 32"))
    do {
      _ = try RecordedRun(directory: directory)
      Issue.record("a negative batch size was accepted")
    } catch let error as CLIError {
      #expect(error.exitCode == 65 && "\(error)".contains("config.json"))
    }
  }

  @Test func aDirectoryWithoutConfigIsMissingInput() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(throws: CLIError.self) { try RecordedRun(directory: dir) }
    do { _ = try RecordedRun(directory: dir) } catch let error as CLIError { #expect(error.exitCode == 66) }
  }
}
