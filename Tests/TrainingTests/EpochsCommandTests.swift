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

/// `:dropout p`: every dropout layer, from the next step on.
@Suite struct DropoutCommandTests {
  @Test func setsEveryDropoutLayerAndSaysHowMany() throws {
    var c = TrainerFixtures.digitsConfiguration()
    var spec = try ModelSpec(parsing: "dense32-relu-dropout0.25-dense16-relu-dropout0.25-dense10")
    spec.inputShape = [64]
    c.model = spec
    let trainer = Trainer(configuration: c, dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 3)
    trainer.apply(.setDropout(0.1), source: .prompt)
    #expect(trainer.model.layers.compactMap { ($0 as? Dropout)?.rate } == [0.1, 0.1])
    #expect(trainer.recorder.recent.last?.message == "dropout 0.25 → 0.1 (2 layers)")
    // Rate 0 makes training steps deterministic in the dropout layers: the masks are all ones.
    trainer.apply(.setDropout(0), source: .prompt)
    trainer.train(untilStep: 4)
    for layer in trainer.model.layers.compactMap({ $0 as? Dropout }) { #expect(layer.rate == 0) }
  }

  @Test func aModelWithoutDropoutRefuses() {
    let trainer = Trainer(configuration: TrainerFixtures.digitsConfiguration(), dataset: TrainerFixtures.digits)
    trainer.apply(.setDropout(0.2), source: .prompt)
    #expect(trainer.recorder.recent.last?.message == "dropout rejected: the model has no dropout layer")
    trainer.apply(.setDropout(1), source: .prompt)
    #expect(trainer.recorder.recent.last?.message == "dropout rejected: the model has no dropout layer")
  }
}

/// `u` after `:epochs`, `:dropout` and `:batch`: the setting goes back with the weights; a resume
/// keeps the changed dropout rates.
@Suite struct StructuralUndoTests {
  func dropoutTrainer(epochs: Int = 3) throws -> Trainer {
    var c = TrainerFixtures.digitsConfiguration(epochs: epochs)
    var spec = try ModelSpec(parsing: "dense32-relu-dropout0.25-dense10")
    spec.inputShape = [64]
    c.model = spec
    return Trainer(configuration: c, dataset: TrainerFixtures.digits)
  }

  @Test func undoPutsEpochsDropoutAndBatchSizeBack() throws {
    let trainer = try dropoutTrainer()
    trainer.train(untilStep: 5)
    let before = trainer.model.stateTensors()
    trainer.apply(.setEpochs(8), source: .prompt)
    trainer.apply(.setDropout(0.5), source: .prompt)
    trainer.apply(.setBatchSize(128), source: .prompt)
    trainer.train(untilStep: 10)
    trainer.apply(.undo, source: .key)  // the batch size: back to 64 at the next boundary
    #expect(trainer.recorder.recent.last?.message.hasPrefix("undo batch size 64 → 128 from epoch 2") == true)
    trainer.apply(.undo, source: .key)  // dropout
    #expect(trainer.dropoutLayers.map(\.rate) == [0.25])
    trainer.apply(.undo, source: .key)  // epochs, and the weights as they were before the first change
    #expect(trainer.makeSnapshot().info.totalEpochs == 3)
    #expect(trainer.model.stateTensors() == before)
    trainer.run()
    #expect(trainer.step == 60)  // three epochs of 20 batches of 64
  }

  @Test func changedDropoutRatesSurviveAResume() throws {
    let first = try dropoutTrainer()
    first.train(untilStep: 5)
    first.apply(.setDropout(0.1), source: .prompt)
    let checkpoint = try first.makeCheckpoint()
    let resumed = try dropoutTrainer()
    try resumed.restore(from: checkpoint)
    #expect(resumed.dropoutLayers.map(\.rate) == [0.1])
  }
}
