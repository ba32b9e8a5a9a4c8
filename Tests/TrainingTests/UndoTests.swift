import Datasets
import Foundation
import NN
import Tensor
import Testing

@testable import Training

/// `u` / `:undo`: back to the state before a manual change, bit for bit.
@Suite struct UndoTests {
  @Test func undoRestoresWeightsOptimizerAndSettingExactly() throws {
    let trainer = Trainer(configuration: TrainerFixtures.digitsConfiguration(), dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 10)
    let weights = trainer.model.stateTensors()
    let moments = trainer.optimizer.exportState(trainer.model.parameters)
    let optimizerSteps = trainer.optimizer.stepCount
    trainer.apply(.set(.learningRate, 0.05), source: .prompt)
    trainer.train(untilStep: 25)
    #expect(trainer.model.stateTensors() != weights)
    trainer.apply(.undo, source: .key)
    #expect(trainer.model.stateTensors() == weights)
    #expect(trainer.optimizer.exportState(trainer.model.parameters) == moments)
    #expect(trainer.optimizer.stepCount == optimizerSteps)
    #expect(trainer.value(of: .learningRate) == 1e-2)
    #expect(trainer.step == 25)  // the step counter goes on
    let event = try #require(trainer.recorder.recent.last)
    #expect(event.message == "undo lr 1.0e-2 → 5.0e-2 (step 10): weights, optimizer and settings restored")
    #expect(event.source == .key)
    #expect(trainer.learningRateChanges.last == 25)  // the LR pane marks it
  }

  @Test func undoAnOptimizerSwitchBringsBackTheOldOptimizerAndItsMoments() {
    let trainer = Trainer(configuration: TrainerFixtures.digitsConfiguration(), dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 8)
    let moments = trainer.optimizer.exportState(trainer.model.parameters)
    trainer.apply(.setOptimizer(.sgd), source: .key)
    trainer.train(untilStep: 12)
    #expect(trainer.optimizer.kind == .sgd)
    trainer.apply(.undo, source: .prompt)
    #expect(trainer.optimizer.kind == .adam)
    #expect(trainer.optimizer.exportState(trainer.model.parameters) == moments)
  }

  @Test func theLastFiveChangesCanBeUndoneNewestFirst() {
    let trainer = Trainer(configuration: TrainerFixtures.digitsConfiguration(), dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 2)
    for (index, momentum) in [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95].enumerated() {
      trainer.apply(.set(.beta1, momentum), source: .prompt)
      trainer.train(untilStep: 3 + index)
    }
    // Pauses, saves and rejected changes are not remembered.
    trainer.apply(.pause, source: .key)
    trainer.apply(.set(.beta1, 7), source: .prompt)  // out of range: rejected
    for expected in [0.9, 0.85, 0.8, 0.7, 0.6] {
      trainer.apply(.undo, source: .key)
      #expect(trainer.value(of: .beta1) == expected)
    }
    trainer.apply(.undo, source: .key)
    #expect(trainer.value(of: .beta1) == 0.6)
    #expect(trainer.recorder.recent.last?.message == "undo rejected: nothing to undo (the last 5 changes are kept)")
  }
}
