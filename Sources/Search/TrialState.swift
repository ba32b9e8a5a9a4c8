/// Where a trial stands, as Optuna's `TrialState` (its lowercase names are trials.csv's `state`).
public enum TrialState: String, Sendable, Codable, CaseIterable {
  case running
  /// Trained to its end; it has an objective.
  case complete
  /// Stopped early by the pruner; its intermediate values still count.
  case pruned
  /// It could not train (it diverged, or its options were refused); `Trial.reason` says why.
  case failed

  /// Whether the trial is over.
  public var isFinished: Bool { self != .running }
}
