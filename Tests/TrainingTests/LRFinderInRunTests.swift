import Datasets
import Foundation
import NN
import Tensor
import Testing

@testable import Training

/// `f` / `:lr-find` inside a run: the sweep works on copies, the run is untouched until a choice.
@Suite struct LRFinderInRunTests {
  @Test func theSweepLeavesTheRunBitForBitAsItWas() throws {
    let trainer = Trainer(configuration: TrainerFixtures.digitsConfiguration(), dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 15)
    let weights = trainer.model.stateTensors()
    let moments = trainer.optimizer.exportState(trainer.model.parameters)
    let steps = trainer.optimizer.stepCount
    let rate = trainer.value(of: .learningRate)
    trainer.apply(.findLearningRate, source: .key)
    #expect(trainer.model.stateTensors() == weights)
    #expect(trainer.optimizer.exportState(trainer.model.parameters) == moments)
    #expect(trainer.optimizer.stepCount == steps && trainer.value(of: .learningRate) == rate)
    #expect(trainer.step == 15)
    let result = try #require(trainer.makeSnapshot().lrFinder)
    #expect(result.step == 15 && result.resumes)
    #expect(result.curve.rates.count > 50)  // digits with Adam runs well past 1e-4 before diverging
    #expect(result.suggestions.first?.rule == .valley)
    #expect(trainer.makeSnapshot().status == .paused)
    #expect(trainer.recorder.recent.last?.message.hasPrefix("lr-find: valley ") == true)
    // Discarded, the run trains on exactly as a twin that never swept does.
    trainer.apply(.finishLRFind(apply: nil), source: .key)
    trainer.train(untilStep: 25)
    let twin = Trainer(configuration: TrainerFixtures.digitsConfiguration(), dataset: TrainerFixtures.digits)
    twin.train(untilStep: 25)
    #expect(trainer.model.stateTensors() == twin.model.stateTensors())
  }

  @Test func applyingASuggestionSetsTheRateAndResumes() throws {
    let trainer = Trainer(configuration: TrainerFixtures.digitsConfiguration(), dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 5)  // the run is running (train(untilStep:) returned between two steps)
    trainer.apply(.findLearningRate, source: .key)
    let suggestion = try #require(trainer.makeSnapshot().lrFinder?.suggestions.first)
    trainer.apply(.finishLRFind(apply: suggestion.rate), source: .key)
    #expect(trainer.value(of: .learningRate) == suggestion.rate)
    let event = try #require(trainer.recorder.recent.last)
    #expect(event.source == .lrFind)
    #expect(event.message == "lr 1.0e-2 → \(Format.rate(suggestion.rate))")
    #expect(trainer.makeSnapshot().lrFinder == nil && trainer.makeSnapshot().status == .running)
    // The change can be undone like any other.
    trainer.apply(.undo, source: .key)
    #expect(trainer.value(of: .learningRate) == 1e-2)
  }

  @Test func discardingChangesNothingAndASecondResultWaitsForTheFirst() {
    let trainer = Trainer(configuration: TrainerFixtures.digitsConfiguration(), dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 5)
    trainer.apply(.pause, source: .key)
    trainer.apply(.findLearningRate, source: .prompt)
    trainer.apply(.findLearningRate, source: .prompt)
    #expect(trainer.recorder.recent.last?.message == "lr-find rejected: an LR finder result is already open")
    trainer.apply(.finishLRFind(apply: nil), source: .key)
    #expect(trainer.recorder.recent.last?.message == "lr-find: result discarded")
    #expect(trainer.value(of: .learningRate) == 1e-2)
    #expect(trainer.makeSnapshot().status == .paused)  // it was paused before: it stays paused
    trainer.apply(.finishLRFind(apply: nil), source: .key)
    #expect(trainer.recorder.recent.last?.message == "lr-find apply rejected: no LR finder result is open")
  }
}
