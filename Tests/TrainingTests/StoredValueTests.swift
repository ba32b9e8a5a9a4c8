import Datasets
import Foundation
import NN
import TestSupport
import Testing

@testable import Training

/// Values read back from files are input too: damaged configurations and resume states are
/// refused with the option or field they concern, never trapped on (issue 15).
@Suite struct StoredValueTests {
  static func problem(_ change: (inout TrainerConfiguration) -> Void) -> String? {
    var c = TrainerConfiguration(model: ModelSpec(sizes: [64, 32, 10]))
    change(&c)
    do {
      try c.validate()
      return nil
    } catch {
      return error.description
    }
  }

  @Test func damagedConfigurationsNameTheOption() {
    #expect(Self.problem { _ in } == nil)
    #expect(Self.problem { $0.settings.learningRate = -1 } == "lr: expected a positive number, got -1")
    #expect(Self.problem { $0.model.sizes = [64, -5, 10] } == "model: layer size -5 must be at least 1")
    #expect(
      Self.problem { $0.model.sizes = [64, 100_000_000, 10] }
        == "model: layer width 100000000 is over the limit of 65536")
    #expect(Self.problem { $0.labelSmoothing = 1.5 } == "label-smoothing: expected a number in [0, 1), got 1.5")
    #expect(Self.problem { $0.batchSize = -3 } == "batch-size: expected a whole number in 0…1048576, got -3")
    #expect(
      Self.problem { $0.epochs = 1 << 62 } == "epochs: expected a whole number in 1…10000000, got 4.611686018427388e+18"
    )
    #expect(Self.problem { $0.settings.beta2 = .nan } == "beta2: expected a number in [0, 1), got NaN")
    #expect(
      Self.problem { $0.scheduleParameters.oneCycleDiv = 0.5 } == "div: expected a number greater than 1, got 0.5")
    #expect(Self.problem { $0.threads = 100_000 } == "threads: expected a whole number in 1…256, got 100000")
  }

  /// A checkpoint whose resume state was edited (counters out of range, a schedule for another
  /// epoch length) is refused by `restore` with what is wrong.
  @Test func damagedResumeStateIsRefused() throws {
    let c = TrainerFixtures.digitsConfiguration(epochs: 2)
    let trainer = Trainer(configuration: c, dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 5)
    let good = try trainer.makeCheckpoint()
    let json = try #require(good[.resume])
    let edits: [(String, String, String)] = [
      (#""epoch":0"#, #""epoch":-1"#, "epoch -1 is outside 0…2"),
      (#""epoch":0"#, #""epoch":9223372036854775807"#, "epoch 9223372036854775807 is outside 0…2"),
      (#""step":5"#, #""step":9223372036854775807"#, "step 9223372036854775807 does not fit epoch 0 and batch 5"),
      (#""stepsPerEpoch":"#, #""stepsPerEpoch":0,"x":"#, "the schedule was made for 0 steps per epoch"),
    ]
    for (original, damaged, message) in edits {
      #expect(json.contains(original), "fixture lacks \(original)")
      var bad = good
      bad[.resume] = json.replacingOccurrences(of: original, with: damaged)
      let fresh = Trainer(configuration: c, dataset: TrainerFixtures.digits)
      do {
        try fresh.restore(from: bad)
        Issue.record("accepted \(damaged)")
      } catch {
        #expect("\(error)".contains(message), "\(error)")
      }
    }
    let fresh = Trainer(configuration: c, dataset: TrainerFixtures.digits)
    try fresh.restore(from: good)
    #expect(fresh.step == 5)
  }
}

@Suite struct LongRunTests {
  /// The checkpoint carries only the recent epochs, so its size stops growing with the run.
  @Test func checkpointSizeIsBoundedInEpochs() throws {
    var c = TrainerFixtures.digitsConfiguration(epochs: 140)
    c.model = ModelSpec(sizes: [64, 8, 10])
    c.batchSize = 512
    c.earlyStoppingEnabled = false
    let trainer = Trainer(configuration: c, dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 110 * 3)
    let at110 = try #require(trainer.makeCheckpoint()[.resume]).utf8.count
    trainer.train(untilStep: 140 * 3)
    let at140 = try #require(trainer.makeCheckpoint()[.resume]).utf8.count
    #expect(trainer.completedEpochs == 140 && trainer.epochs.count == 140)
    #expect(abs(at140 - at110) < 400, "resume state grew from \(at110) to \(at140) bytes")
    let state = try TrainingJSON.value(ResumeState.self, from: try #require(trainer.makeCheckpoint()[.resume]))
    #expect(state.epochs.count == Trainer.resumeHistoryLimit)
    #expect(state.epochs.last?.epoch == 140)
  }
}
