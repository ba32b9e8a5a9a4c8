import Foundation
import TestSupport
import Testing

@testable import Search

/// Checked against Optuna 5.1.0's own code: `Tests/Fixtures/search/generate.py` wrote
/// `optuna.json` with its TPE internals (`default_gamma`, `default_weights`, `_ParzenEstimator`'s
/// bandwidths and `log_pdf`) and with real studies run under its `MedianPruner` and
/// `SuccessiveHalvingPruner` (each trial's `should_prune` after every epoch).
@Suite struct OptunaOracleTests {
  struct Oracle: Decodable {
    let gamma: [String: Int]
    let weights30: [Double]
    let parzen: [Parzen]
    let median: [PrunerStudy]
    let asha: [PrunerStudy]
  }
  struct Parzen: Decodable {
    let kind: String
    let observations: [Double]
    let points: [Double]
    let log_pdf: [Double]
    let low: Double?
    let high: Double?
    let choices: Int?
    let sigmas: [Double]?
  }
  struct PrunerStudy: Decodable {
    let direction: String
    let curves: [[Double]]
    let decisions: [[Bool]]
  }

  static func load() throws -> Oracle {
    let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/search/optuna.json")
    return try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))
  }

  @Test func gammaAndWeights() throws {
    let oracle = try Self.load()
    for (n, expected) in oracle.gamma { #expect(TPESampler.gamma(Int(n) ?? -1) == expected, "n = \(n)") }
    let weights = ParzenEstimator.defaultWeights(30)
    #expect(weights.count == oracle.weights30.count)
    for (a, b) in zip(weights, oracle.weights30) { #expect(abs(a - b) < 1e-15) }
  }

  @Test func parzenEstimatorMatches() throws {
    for case_ in try Self.load().parzen {
      let distribution: Distribution
      var values = case_.observations.map(ParameterValue.number)
      var points = case_.points.map(ParameterValue.number)
      switch case_.kind {
      case "choice":
        let choices = (0..<(case_.choices ?? 0)).map { ParameterValue.text("c\($0)") }
        distribution = .choice(choices)
        values = case_.observations.map { choices[Int($0)] }
        points = case_.points.map { choices[Int($0)] }
      default:
        let log = case_.kind.contains("log")
        distribution = .range(
          low: case_.low ?? 0, high: case_.high ?? 0, log: log, integer: case_.kind.hasPrefix("int"), points: nil)
        if let sigmas = case_.sigmas, case .range(let low, let high, _, let integer, _) = distribution {
          let (a, b) = ParzenEstimator.bounds(low: low, high: high, log: log, integer: integer)
          let mus = case_.observations.map { log ? Foundation.log($0) : $0 }
          let mine = ParzenEstimator.sigmas(mus, low: a, high: b) + [b - a]
          for (x, y) in zip(mine, sigmas) { #expect(abs(x - y) < 1e-12, "\(case_.kind) σ \(mine) vs \(sigmas)") }
          #expect(mine.count == sigmas.count)
        }
      }
      let estimator = ParzenEstimator(values, distribution)
      for (point, expected) in zip(points, case_.log_pdf) {
        let mine = estimator.logDensity(point)
        #expect(abs(mine - expected) < 1e-9, "\(case_.kind) at \(point): \(mine) vs Optuna \(expected)")
      }
    }
  }

  /// Replays each study: the same per-epoch values, one trial after another, and the same decisions.
  static func replay(_ study: PrunerStudy, pruner: PrunerKind) throws {
    let direction: SearchDirection = study.direction == "maximize" ? .maximize : .minimize
    var mine = try Study(
      space: SearchSpace(), direction: direction, strategy: .random, pruner: pruner, trials: study.curves.count, seed: 0
    )
    for (curve, expected) in zip(study.curves, study.decisions) {
      guard let trial = mine.startTrial() else { break }
      var decisions: [Bool] = []
      for (index, value) in curve.enumerated() {
        let prune = mine.report(trial.number, epoch: index + 1, value: value)
        decisions.append(prune)
        if prune { break }
      }
      #expect(decisions == expected, "\(pruner) \(direction) trial \(trial.number)")
      let pruned = decisions.last == true
      mine.finish(trial.number, state: pruned ? .pruned : .complete, objective: pruned ? nil : curve.last, seconds: 0)
    }
  }

  @Test func medianPrunerMatches() throws {
    for study in try Self.load().median { try Self.replay(study, pruner: .median) }
  }

  @Test func successiveHalvingMatches() throws {
    for study in try Self.load().asha { try Self.replay(study, pruner: .asha) }
  }
}
