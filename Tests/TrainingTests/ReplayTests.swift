import Foundation
import TestSupport
import Testing

@testable import Training

/// `--replay`: a steered run's manual changes, read back from its events.jsonl and applied at the
/// same steps, give the same run to the last bit.
@Suite struct ReplayTests {
  @Test func aReplayedRunEndsWithTheSameWeightsAndLosses() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let log = try RunLog(root: root, name: "steered")
    var configuration = TrainerFixtures.digitsConfiguration(epochs: 3)
    configuration.earlyStoppingEnabled = false
    let steered = Trainer(configuration: configuration, dataset: TrainerFixtures.digits, runLog: log)
    steered.train(untilStep: 7)
    steered.apply(.scaleLearningRate(1.25), source: .key)  // 1.25e-2: its text is rounded, its value is not
    steered.apply(.scaleLearningRate(1.25), source: .key)
    steered.train(untilStep: 15)
    steered.apply(.setOptimizer(.momentum), source: .key)
    steered.apply(.set(.clipNorm, 0.5), source: .prompt)
    steered.train(untilStep: 25)
    steered.apply(.set(.weightDecay, 1e-3), source: .prompt)
    steered.train(untilStep: 28)
    steered.apply(.undo, source: .key)  // back to before the weight decay, weights too
    steered.apply(.setBatchSize(128), source: .prompt)  // from epoch 2 (step 20 is past)
    steered.apply(.pause, source: .key)  // pauses are not replayed
    steered.apply(.resume, source: .key)
    steered.run()
    let script = try ReplayScript.load(from: log.url(of: .events))
    #expect(script.changes.map(\.step) == [7, 7, 15, 15, 25, 28, 28])
    #expect(script.changes.first?.command == .set(.learningRate, 1e-2 * 1.25))
    #expect(script.changes[5].command == .undo)

    let replayed = Trainer(configuration: configuration, dataset: TrainerFixtures.digits)
    replayed.replay = script
    replayed.run()
    #expect(replayed.step == steered.step)
    #expect(replayed.model.stateTensors() == steered.model.stateTensors())
    #expect(TrainerFixtures.losses(replayed) == TrainerFixtures.losses(steered))
    #expect(
      replayed.recorder.recent.contains { $0.source == .replay && $0.detail == .setting(.clipNorm, old: nil, new: 0.5) }
    )
  }

  /// The scheduled changes made before a checkpoint are not made again after `--resume`; the rest
  /// are, at their steps: the resumed run ends where the uninterrupted one does, bit for bit.
  @Test func scheduledChangesContinueAcrossAResume() throws {
    var configuration = TrainerFixtures.digitsConfiguration(epochs: 3)
    configuration.earlyStoppingEnabled = false
    let script = ReplayScript(
      changes: [
        (5, .set(.learningRate, 2e-2)), (12, .setOptimizer(.momentum)), (12, .undo), (20, .set(.learningRate, 5e-3)),
        (33, .set(.clipNorm, 0.5)),
      ], source: .config)
    func scripted() -> Trainer {
      let trainer = Trainer(configuration: configuration, dataset: TrainerFixtures.digits)
      trainer.replay = script
      return trainer
    }
    let straight = scripted()
    straight.run()
    let first = scripted()
    first.train(untilStep: 15)  // three changes made (at 5 and two at 12), two to come
    #expect(first.replay.changes.count == 2)
    let checkpoint = try first.makeCheckpoint()
    let resumed = scripted()
    try resumed.restore(from: checkpoint)
    #expect(resumed.replay.changes.map(\.step) == [20, 33])
    resumed.run()
    #expect(resumed.step == straight.step)
    #expect(resumed.model.stateTensors() == straight.model.stateTensors())
    #expect(TrainerFixtures.losses(resumed).suffix(1) == TrainerFixtures.losses(straight).suffix(1))
    // A checkpoint that made more changes than the run schedules does not fit it.
    let unscripted = Trainer(configuration: configuration, dataset: TrainerFixtures.digits)
    let error = #expect(throws: TrainerError.self) { try unscripted.restore(from: checkpoint) }
    #expect("\(error.map { "\($0)" } ?? "")".contains("3 scheduled changes were made, but the run schedules 0"))
  }

  @Test func aDamagedEventsFileIsNamedWithItsLine() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let url = root.appendingPathComponent("events.jsonl")
    try "{\"sequence\":1}\nnot json\n".write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: RunLogError.badLine(path: url.path, line: 1)) { try ReplayScript.load(from: url) }
    #expect(throws: RunLogError.unreadable(path: root.path + "/none")) {
      try ReplayScript.load(from: root.appendingPathComponent("none"))
    }
  }
}
