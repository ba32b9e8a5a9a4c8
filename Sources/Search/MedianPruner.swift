/// Optuna's `MedianPruner` (a `PercentilePruner` at 50): after an epoch, a trial whose best value
/// so far is worse than the median of the complete trials' values at that epoch is pruned — once
/// `n_startup_trials` (5) trials are complete, after `n_warmup_steps` (0) epochs.
public struct MedianPruner: Sendable, Equatable {
  /// `n_startup_trials`.
  public var startupTrials = 5
  /// `n_warmup_steps`: epochs before pruning starts (Optuna prunes when the step ≥ this).
  public var warmupSteps = 0

  public init(startupTrials: Int = 5, warmupSteps: Int = 0) {
    self.startupTrials = startupTrials
    self.warmupSteps = warmupSteps
  }

  /// Whether `trial` (just reported its latest epoch) should stop.
  public func shouldPrune(_ trial: Trial, among trials: [Trial], direction: SearchDirection) -> Bool {
    let complete = trials.filter { $0.state == .complete }
    guard complete.count >= max(1, startupTrials), let step = trial.lastEpoch, step >= warmupSteps else {
      return false
    }
    let best = trial.bestIntermediate(direction)
    if best.isNaN { return true }
    let values = complete.compactMap { $0.intermediate[step] }.filter { !$0.isNaN }
    guard let median = Self.median(values) else { return false }
    return direction.isBetter(median, than: best)
  }

  /// numpy's median (the mean of the middle two for an even count), or nil for none.
  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
