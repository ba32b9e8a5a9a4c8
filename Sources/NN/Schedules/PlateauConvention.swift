/// Which library's reduce-on-plateau rules to follow; they differ in three places.
public enum PlateauConvention: String, Codable, Sendable, CaseIterable {
  /// Keras `ReduceLROnPlateau`: improvement iff `v < best − minDelta` (absolute); a reduction when
  /// `wait ≥ patience`; epochs in cooldown never count as bad; no reduction once `rate ≤ minimumRate`.
  case keras
  /// PyTorch `ReduceLROnPlateau` (threshold mode `rel`): improvement iff `v < best·(1 − minDelta)`;
  /// a reduction when `numBad > patience`; cooldown zeroes the count after it is updated; a
  /// reduction smaller than 1e-8 leaves the rate unchanged but still resets the counters.
  case pytorch
}
