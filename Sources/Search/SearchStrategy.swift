/// How a search picks each trial's parameters (`--strategy`).
public enum SearchStrategy: String, CaseIterable, Sendable, Codable {
  /// Every combination of the grid values, in order (`GridSampler`).
  case grid
  /// Independent random draws (`RandomSampler`).
  case random
  /// Bayesian optimisation with the Tree-structured Parzen Estimator (`TPESampler`), Optuna's default.
  case tpe
}
