import Datasets
import Foundation
import NN
import Testing

@testable import Training

/// `:epochs N`: lengthen or shorten a run while it trains.
@Suite struct EpochsCommandTests {
  @Test func lengtheningRunsMoreEpochsAndTheSnapshotKnows() {
    let trainer = Trainer(
      configuration: TrainerFixtures.digitsConfiguration(epochs: 2), dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 10)
    trainer.apply(.setEpochs(4), source: .prompt)
    #expect(trainer.recorder.recent.last?.message == "epochs 2 → 4 (the schedule keeps its length)")
    #expect(trainer.makeSnapshot().info.totalEpochs == 4)
    #expect(trainer.makeSnapshot().info.totalSteps == 80)
    trainer.run()
    #expect(trainer.completedEpochs == 4 && trainer.step == 80)
    #expect(trainer.finalStopReason == .epochsDone)
  }

  @Test func shorteningStopsAfterTheEpochInProgress() {
    let trainer = Trainer(
      configuration: TrainerFixtures.digitsConfiguration(epochs: 5), dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 30)  // in epoch 2 (20 steps each)
    trainer.apply(.setEpochs(1), source: .prompt)
    #expect(trainer.recorder.recent.last?.message == "epochs rejected: expected 2…10000000 epochs (1 done), got 1")
    trainer.apply(.setEpochs(2), source: .prompt)
    trainer.run()
    #expect(trainer.completedEpochs == 2 && trainer.step == 40)
  }
}
