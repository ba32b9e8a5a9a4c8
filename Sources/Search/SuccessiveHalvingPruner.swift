/// Asynchronous successive halving (ASHA), as Optuna's `SuccessiveHalvingPruner` and Ray Tune's
/// ASHA: rung `r` is reached after `min_resource · reduction_factor^(min_early_stopping_rate + r)`
/// epochs (1, 4, 16, … with the defaults 1, 4, 0). A trial reaching a rung records its value there
/// and goes on only if it is in the top `1/reduction_factor` of the values recorded at that rung so
/// far (itself included; the first to arrive always goes on).
public struct SuccessiveHalvingPruner: Sendable, Equatable {
  /// `min_resource`, in epochs.
  public var minResource = 1
  /// `reduction_factor`.
  public var reductionFactor = 4
  /// `min_early_stopping_rate`.
  public var minEarlyStoppingRate = 0

  public init(minResource: Int = 1, reductionFactor: Int = 4, minEarlyStoppingRate: Int = 0) {
    self.minResource = minResource
    self.reductionFactor = reductionFactor
    self.minEarlyStoppingRate = minEarlyStoppingRate
  }

  /// Whether `trial` should stop after its latest epoch; records its value at each rung it passes
  /// (`Trial.rungs`).
  public func shouldPrune(_ trial: inout Trial, among trials: [Trial], direction: SearchDirection) -> Bool {
    guard let step = trial.lastEpoch, let value = trial.intermediate[step] else { return false }
    while true {
      let rung = trial.rungs.count
      guard let promotion = promotionStep(rung), step >= promotion else { return false }
      if value.isNaN { return true }
      let competing =
        trials.filter { $0.number != trial.number && $0.rungs.count > rung }.map { $0.rungs[rung] } + [value]
      trial.rungs.append(value)
      if !Self.isPromotable(value, competing, reductionFactor: reductionFactor, direction: direction) { return true }
    }
  }

  /// The epoch at which rung `rung` is judged (nil once it would overflow).
  func promotionStep(_ rung: Int) -> Int? {
    var step = minResource
    for _ in 0..<(minEarlyStoppingRate + rung) {
      let (next, overflow) = step.multipliedReportingOverflow(by: reductionFactor)
      if overflow { return nil }
      step = next
    }
    return step
  }

  /// Optuna's `_is_trial_promotable_to_next_rung`: within the best `count / reduction_factor`
  /// (at least one) of the competing values.
  static func isPromotable(_ value: Double, _ competing: [Double], reductionFactor: Int, direction: SearchDirection)
    -> Bool
  {
    let index = max(competing.count / reductionFactor - 1, 0)
    let sorted = competing.sorted()
    switch direction {
    case .maximize: return value >= sorted[sorted.count - 1 - index]
    case .minimize: return value <= sorted[index]
    }
  }
}
