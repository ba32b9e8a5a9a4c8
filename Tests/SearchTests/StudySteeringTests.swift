import Foundation
import Testing

@testable import Search

/// What the trials dashboard changes mid-search: the space (`:space`) and the number of trials.
@Suite struct StudySteeringTests {
  static let space = SearchSpace([
    .init(name: "lr", distribution: .range(low: 1e-4, high: 1e-1, log: true, integer: false, points: nil)),
    .init(name: "optimizer", distribution: .choice([.text("adam"), .text("sgd")])),
  ])

  static func study(_ strategy: SearchStrategy, trials: Int? = 30) throws -> Study {
    try Study(space: space, direction: .minimize, strategy: strategy, pruner: .none, trials: trials, seed: 7)
  }

  /// After narrowing lr, every later trial samples inside the new range (random and TPE), while the
  /// earlier trials keep their values.
  @Test(arguments: [SearchStrategy.random, .tpe])
  func narrowedRangeHoldsForLaterTrials(strategy: SearchStrategy) throws {
    var study = try Self.study(strategy)
    for _ in 0..<12 {
      let started = study.startTrial()
      let trial = try #require(started)
      let lr = trial.parameters["lr"]?.number ?? 0
      study.finish(trial.number, state: .complete, objective: abs(log10(lr) + 2.5), seconds: 1)
    }
    let before = study.trials.map(\.parameters)
    let narrowed = Distribution.range(low: 1e-3, high: 1e-2, log: true, integer: false, points: nil)
    try study.changeSpace("lr", to: narrowed)
    #expect(study.space["lr"] == narrowed)
    for _ in 0..<10 {
      let started = study.startTrial()
      let trial = try #require(started)
      let lr = try #require(trial.parameters["lr"]?.number)
      #expect(lr >= 1e-3 && lr <= 1e-2, "trial \(trial.number): lr \(lr)")
      study.finish(trial.number, state: .complete, objective: abs(log10(lr) + 2.5), seconds: 1)
    }
    #expect(Array(study.trials.prefix(12).map(\.parameters)) == before)
  }

  @Test func gridUnknownNamesAndBadRangesAreRefused() throws {
    var grid = try Study(
      space: SearchSpace([.init(name: "optimizer", distribution: .choice([.text("adam"), .text("sgd")]))]),
      direction: .minimize, strategy: .grid, pruner: .none, trials: nil, seed: 0)
    #expect(throws: SearchSpaceError.self) { try grid.changeSpace("optimizer", to: .choice([.text("adam")])) }
    var study = try Self.study(.random)
    #expect(throws: SearchSpaceError(parameter: "dropout", message: "not searched (searched: lr, optimizer)")) {
      try study.changeSpace("dropout", to: .range(low: 0, high: 0.5, log: false, integer: false, points: nil))
    }
    #expect(throws: SearchSpaceError.self) {
      try study.changeSpace("lr", to: .range(low: 1e-2, high: 1e-3, log: true, integer: false, points: nil))
    }
    #expect(study.space == Self.space)
  }

  /// A new total: never below the trials started, never above a grid's size.
  @Test func trialLimitKeepsStartedTrialsAndTheGridSize() throws {
    var study = try Self.study(.random, trials: 5)
    for _ in 0..<3 { _ = study.startTrial() }
    #expect(study.setTrialLimit(8) == 8)
    #expect(study.setTrialLimit(1) == 3)
    #expect(study.isExhausted)
    #expect(study.setTrialLimit(4) == 4)
    #expect(study.startTrial()?.number == 3)
    #expect(study.startTrial() == nil)
    var grid = try Study(
      space: SearchSpace([.init(name: "optimizer", distribution: .choice([.text("adam"), .text("sgd")]))]),
      direction: .minimize, strategy: .grid, pruner: .none, trials: nil, seed: 0)
    #expect(grid.setTrialLimit(10) == 2)
  }
}
