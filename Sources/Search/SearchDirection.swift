/// Whether the objective is minimised or maximised.
public enum SearchDirection: String, Sendable, Codable {
  case minimize
  case maximize

  /// Whether `a` is strictly better than `b`; NaN is never better.
  public func isBetter(_ a: Double, than b: Double) -> Bool {
    switch self {
    case .minimize: a < b
    case .maximize: a > b
    }
  }

  /// The best of `values` (NaN skipped), or nil.
  public func best(_ values: [Double]) -> Double? {
    values.filter { !$0.isNaN }.reduce(nil) { best, x in best.map { isBetter(x, than: $0) ? x : $0 } ?? x }
  }
}
