import Foundation

/// Where a searched parameter's values come from: a range (uniform or log-uniform, whole numbers
/// for options that take them) or a list of choices, as Optuna's `FloatDistribution`,
/// `IntDistribution` and `CategoricalDistribution`.
public enum Distribution: Equatable, Sendable {
  /// `low...high`, sampled uniformly, or uniformly in log space with `log`; `integer` rounds
  /// samples to whole numbers; `points` is how many evenly (log: geometrically) spaced values a
  /// grid search takes.
  case range(low: Double, high: Double, log: Bool, integer: Bool, points: Int?)
  /// One of these values, each as likely.
  case choice([ParameterValue])

  /// What is wrong with the distribution, or nil: an empty or reversed range, a log bound ≤ 0,
  /// a point count below 2, no choices.
  public var problem: String? {
    switch self {
    case .range(let low, let high, let log, _, let points):
      guard low.isFinite, high.isFinite else { return "the range \(low)..\(high) must be finite" }
      guard low < high else { return "the range \(low)..\(high) is empty or reversed (expected LOW < HIGH)" }
      if log && low <= 0 { return "a log range needs bounds above 0, got \(low)..\(high)" }
      if let points, points < 2 { return "a grid needs at least 2 points in a range, got \(points)" }
      return nil
    case .choice(let values):
      if values.isEmpty { return "no choices" }
      if Set(values).count != values.count { return "a choice is listed twice" }
      return nil
    }
  }

  /// Whether the range is searched in log space.
  public var isLog: Bool {
    if case .range(_, _, let log, _, _) = self { return log }
    return false
  }

  /// Whether `value` lies in the distribution (a changed space keeps only the trials inside it).
  public func contains(_ value: ParameterValue) -> Bool {
    switch self {
    case .range(let low, let high, _, _, _):
      guard let x = value.number else { return false }
      return x >= low && x <= high
    case .choice(let values): return values.contains(value)
    }
  }

  /// A sample from a uniform draw `u` in [0, 1): the range mapped linearly (or in log space), whole
  /// numbers rounded; a choice picked by index.
  public func value(at u: Double) -> ParameterValue {
    switch self {
    case .range(let low, let high, let log, let integer, _):
      if integer {
        // Optuna's suggest_int: every whole number in the range equally likely (in log space, by its share).
        let lo = log ? Foundation.log(low - 0.5 < 0.5 ? 0.5 : low - 0.5) : low - 0.5
        let hi = log ? Foundation.log(high + 0.5) : high + 0.5
        let x = lo + u * (hi - lo)
        return .number(Swift.min(high, Swift.max(low, (log ? Foundation.exp(x) : x).rounded())))
      }
      if log {
        let (a, b) = (Foundation.log(low), Foundation.log(high))
        return .number(Swift.min(high, Swift.max(low, Foundation.exp(a + u * (b - a)))))
      }
      return .number(low + u * (high - low))
    case .choice(let values):
      return values[Swift.min(values.count - 1, Int(u * Double(values.count)))]
    }
  }
}
