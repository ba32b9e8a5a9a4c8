import Foundation
import Tensor
import Testing

@testable import Search

@Suite struct SamplerTests {
  static let space = SearchSpace([
    .init(name: "lr", distribution: .range(low: 1e-4, high: 1e-1, log: true, integer: false, points: nil)),
    .init(name: "dropout", distribution: .range(low: 0, high: 0.5, log: false, integer: false, points: nil)),
    .init(name: "batch-size", distribution: .range(low: 16, high: 256, log: true, integer: true, points: nil)),
    .init(name: "optimizer", distribution: .choice([.text("adam"), .text("sgd"), .text("rmsprop")])),
  ])

  /// A cheap stand-in for training: best at lr 3e-3, dropout 0.2, batch 64, adam (0 there).
  static func objective(_ p: [String: ParameterValue]) -> Double {
    let lr = log10(p["lr"]?.number ?? 1) - log10(3e-3)
    let dropout = ((p["dropout"]?.number ?? 0) - 0.2) * 4
    let batch = log2(p["batch-size"]?.number ?? 1) - 6
    let optimizer: Double = p["optimizer"] == .text("adam") ? 0 : p["optimizer"] == .text("rmsprop") ? 0.5 : 1
    return lr * lr + dropout * dropout + 0.1 * batch * batch + optimizer
  }

  /// Runs a sequential `strategy` study of `trials` on the synthetic objective; its best value.
  static func bestValue(_ strategy: SearchStrategy, seed: UInt64, trials: Int = 40) throws -> Double {
    var study = try Study(
      space: space, direction: .minimize, strategy: strategy, pruner: .none, trials: trials, seed: seed)
    while let trial = study.startTrial() {
      study.finish(trial.number, state: .complete, objective: objective(trial.parameters), seconds: 0)
    }
    return study.best?.objective ?? .infinity
  }

  @Test func randomDrawsStayInsideAndReproduce() throws {
    var a = try Study(space: Self.space, direction: .minimize, strategy: .random, pruner: .none, trials: 200, seed: 7)
    var b = try Study(space: Self.space, direction: .minimize, strategy: .random, pruner: .none, trials: 200, seed: 7)
    var c = try Study(space: Self.space, direction: .minimize, strategy: .random, pruner: .none, trials: 200, seed: 8)
    var below = 0
    for _ in 0..<200 {
      let (x, y, z) = (a.startTrial()!, b.startTrial()!, c.startTrial()!)
      #expect(x.parameters == y.parameters)
      #expect(x.parameters != z.parameters)
      for parameter in Self.space.parameters {
        #expect(parameter.distribution.contains(x.parameters[parameter.name]!))
      }
      let batch = x.parameters["batch-size"]!.number!
      #expect(batch == batch.rounded())
      if x.parameters["lr"]!.number! < 10.0.squareRoot() * 1e-3 { below += 1 }
    }
    // Log-uniform: half the draws below the geometric middle of 1e-4..1e-1 (binomial sd ≈ 7 of 200).
    #expect((70...130).contains(below))
  }

  @Test func tpeReproducesWithASeed() throws {
    #expect(try Self.bestValue(.tpe, seed: 3) == Self.bestValue(.tpe, seed: 3))
    #expect(try Self.bestValue(.tpe, seed: 3) != Self.bestValue(.tpe, seed: 4))
  }

  /// The check: over 20 seeds, TPE's best after 40 trials beats random search's on average.
  @Test func tpeBeatsRandomOnAverage() throws {
    var tpe = 0.0
    var random = 0.0
    var wins = 0
    for seed in UInt64(0)..<20 {
      let (t, r) = (try Self.bestValue(.tpe, seed: seed), try Self.bestValue(.random, seed: seed))
      tpe += t / 20
      random += r / 20
      if t < r { wins += 1 }
    }
    #expect(tpe < random * 0.7, "TPE mean best \(tpe), random \(random)")
    #expect(wins >= 12, "TPE won \(wins) of 20")
  }

  @Test func tpeStartsWithTenRandomTrials() throws {
    var tpe = try Study(space: Self.space, direction: .minimize, strategy: .tpe, pruner: .none, trials: 10, seed: 5)
    var random = try Study(
      space: Self.space, direction: .minimize, strategy: .random, pruner: .none, trials: 10, seed: 5)
    while let t = tpe.startTrial(), let r = random.startTrial() {
      #expect(t.parameters == r.parameters)
      tpe.finish(t.number, state: .complete, objective: Self.objective(t.parameters), seconds: 0)
    }
  }

  @Test func tpeGammaAndWeightsAreOptunas() {
    // optuna.samplers._tpe.sampler.default_gamma: min(ceil(0.1 * n), 25).
    #expect([1, 10, 11, 100, 300].map(TPESampler.gamma) == [1, 1, 2, 10, 25])
    // default_weights(27): linspace(1/27, 1, 2) then 25 ones.
    let w = ParzenEstimator.defaultWeights(27)
    #expect(w.count == 27 && abs(w[0] - 1.0 / 27) < 1e-15 && w[1] == 1 && w[26] == 1)
    #expect(ParzenEstimator.defaultWeights(3) == [1, 1, 1])
  }

  @Test func parzenBandwidthsByHand() {
    // mus 0.2, 0.5 in [0, 1]: neighbour gaps 0.2|0.3 and 0.3|0.5; the outer ones take the inner
    // gap 0.3 (no consider_endpoints); clipped below at 1 / min(100, 1 + 3) = 0.25.
    #expect(ParzenEstimator.sigmas([0.5, 0.2], low: 0, high: 1) == [0.3, 0.3].reversed())
    // Three mus 0.1, 0.12, 0.9: gaps → 0.02 (inner first), max(0.02, 0.78) = 0.78, 0.78; min σ 1/5.
    let s = ParzenEstimator.sigmas([0.1, 0.12, 0.9], low: 0, high: 1)
    #expect(zip(s, [0.2, 0.78, 0.78]).allSatisfy { abs($0 - $1) < 1e-12 })
  }
}
