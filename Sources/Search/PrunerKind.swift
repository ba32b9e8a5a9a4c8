/// Which pruner stops unpromising trials early (`--pruner`), judged on the per-epoch metric.
public enum PrunerKind: String, CaseIterable, Sendable, Codable {
  /// Every trial trains to its end.
  case none
  /// `MedianPruner`.
  case median
  /// `SuccessiveHalvingPruner` (asynchronous successive halving).
  case asha
}
