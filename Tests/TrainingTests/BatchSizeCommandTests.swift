import Datasets
import Foundation
import NN
import Testing

@testable import Training

/// `:batch N`: a new batch size from the next epoch boundary. The digits fixture has 1259 training
/// samples: 20 batches of 64, 40 of 32, 10 of 128.
@Suite struct BatchSizeCommandTests {
  func trainer(epochs: Int) -> Trainer {
    Trainer(configuration: TrainerFixtures.digitsConfiguration(epochs: epochs), dataset: TrainerFixtures.digits)
  }

  @Test func atAnEpochBoundaryItTakesEffectAtOnce() {
    let trainer = trainer(epochs: 1)
    #expect(trainer.dataset.train.count == 1259)
    trainer.apply(.setBatchSize(32), source: .prompt)
    #expect(
      trainer.recorder.recent.last?.detail == .batchSizeChanged(old: 64, new: 32, fromEpoch: 1, stepsPerEpoch: 40))
    #expect(trainer.recorder.recent.last?.message == "batch size 64 → 32 from epoch 1 (40 steps per epoch)")
    #expect(trainer.makeSnapshot().info.batchSize == 32)
    #expect(trainer.makeSnapshot().info.totalSteps == 40)
    trainer.run()
    #expect(trainer.step == 40)
  }

  @Test func midEpochItWaitsForTheNextEpoch() {
    let trainer = trainer(epochs: 3)
    trainer.train(untilStep: 5)
    trainer.apply(.setBatchSize(128), source: .prompt)
    #expect(trainer.recorder.recent.last?.message == "batch size 64 → 128 from epoch 2 (10 steps per epoch)")
    // Epoch 1 finishes its 20 batches of 64; epochs 2 and 3 take 10 of 128.
    #expect(trainer.makeSnapshot().info.batchSize == 64)
    trainer.train(untilStep: 20)
    trainer.train(untilStep: 21)
    #expect(trainer.makeSnapshot().info.batchSize == 128)
    #expect(trainer.makeSnapshot().info.totalSteps == 40)
    trainer.run()
    #expect(trainer.step == 40)
    #expect(trainer.completedEpochs == 3)
  }

  @Test func aChangedBatchSizeSurvivesAResumeExactly() throws {
    let straight = trainer(epochs: 3)
    straight.train(untilStep: 5)
    straight.apply(.setBatchSize(128), source: .prompt)
    straight.train(untilStep: 25)  // epoch 2, 5 batches of 128 in
    let checkpoint = try straight.makeCheckpoint()
    let resumed = trainer(epochs: 3)
    try resumed.restore(from: checkpoint)
    #expect(resumed.makeSnapshot().info.batchSize == 128)
    straight.run()
    resumed.run()
    #expect(resumed.step == straight.step && straight.step == 40)
    #expect(resumed.model.stateTensors() == straight.model.stateTensors())
  }

  @Test func outOfRangeSizesAreRefusedAndTheSameSizeIsNoChange() {
    let trainer = trainer(epochs: 1)
    trainer.apply(.setBatchSize(0), source: .prompt)
    #expect(trainer.recorder.recent.last?.message == "batch rejected: expected a batch size in 1…1048576, got 0")
    let events = trainer.recorder.recent.count
    trainer.apply(.setBatchSize(64), source: .prompt)
    #expect(trainer.recorder.recent.count == events)
  }
}
