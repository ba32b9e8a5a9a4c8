import Foundation
import Tensor

/// The Tree-structured Parzen Estimator (Bergstra et al. 2011) as Optuna's `TPESampler` runs it
/// by default: `n_startup_trials` (10) random trials first; then, for each parameter on its own
/// (`multivariate` off), the finished trials are split into the best `gamma(n) = min(⌈0.1·n⌉, 25)`
/// ("below") and the rest ("above"), a `ParzenEstimator` is fitted to each side, and of
/// `n_ei_candidates` (24) draws from the good side the one with the largest `log l(x) − log g(x)`
/// is taken.
///
/// Complete trials rank by objective; pruned ones follow them, those that trained more epochs
/// first and then by their last intermediate value (Optuna's order); failed trials are left out.
public struct TPESampler: Sendable {
  /// `n_startup_trials`.
  public var startupTrials = 10
  /// `n_ei_candidates`.
  public var candidates = 24
  /// `prior_weight`.
  public var priorWeight = 1.0

  public init() {}

  /// Optuna's `default_gamma`: how many finished trials count as good.
  public static func gamma(_ n: Int) -> Int { min(Int((0.1 * Double(n)).rounded(.up)), 25) }

  /// Parameters for a new trial given the trials so far; random until `startupTrials` have finished.
  public func sample(
    _ space: SearchSpace, trials: [Trial], direction: SearchDirection, rng: inout SeededGenerator
  ) -> [String: ParameterValue] {
    let ranked = Self.ranked(trials, direction)
    guard ranked.count >= startupTrials else { return RandomSampler.sample(space, rng: &rng) }
    let split = Self.gamma(ranked.count)
    let below = ranked.prefix(split).sorted { $0.number < $1.number }
    let above = ranked.dropFirst(split).sorted { $0.number < $1.number }
    var result: [String: ParameterValue] = [:]
    for parameter in space.parameters {
      let distribution = parameter.distribution
      let observed = { (group: [Trial]) in
        group.compactMap { $0.parameters[parameter.name] }.filter { distribution.contains($0) }
      }
      let good = ParzenEstimator(observed(Array(below)), distribution, priorWeight: priorWeight)
      let bad = ParzenEstimator(observed(Array(above)), distribution, priorWeight: priorWeight)
      var best: (value: ParameterValue, score: Double)?
      for _ in 0..<candidates {
        let x = good.sample(&rng)
        let score = good.logDensity(x) - bad.logDensity(x)
        if score > (best?.score ?? -.infinity) || best == nil { best = (x, score) }
      }
      result[parameter.name] = best?.value ?? distribution.value(at: rng.unit())
    }
    return result
  }

  /// Finished trials from best to worst: complete by objective, then pruned (more epochs first,
  /// then by the last intermediate value).
  static func ranked(_ trials: [Trial], _ direction: SearchDirection) -> [Trial] {
    let better = { (a: Double, b: Double) in direction.isBetter(a, than: b) || (b.isNaN && !a.isNaN) }
    let complete = trials.compactMap { t in t.state == .complete ? t.objective.map { (t, $0) } : nil }
      .sorted { better($0.1, $1.1) || ($0.1 == $1.1 && $0.0.number < $1.0.number) }.map(\.0)
    let pruned = trials.filter { $0.state == .pruned }.sorted { a, b in
      let (ea, eb) = (a.lastEpoch ?? 0, b.lastEpoch ?? 0)
      if ea != eb { return ea > eb }
      let (va, vb) = (a.intermediate[ea] ?? .nan, b.intermediate[eb] ?? .nan)
      return better(va, vb) || (!better(vb, va) && a.number < b.number)
    }
    return complete + pruned
  }
}
