/// The values a number may take, and how an error names them.
///
/// Every range excludes NaN and ±∞; the whole-number ranges also bound the value so that it
/// converts to `Int` without trapping.
public enum ValueRange: Sendable, Equatable {
  /// (0, ∞).
  case positive
  /// [0, ∞).
  case nonNegative
  /// [0, 1).
  case unitInterval
  /// (0, 1).
  case openUnitInterval
  /// [0, 1].
  case closedUnitInterval
  /// (0, 1].
  case leftOpenUnitInterval
  /// (1, ∞).
  case greaterThanOne
  /// Any finite number.
  case finite
  /// [low, high].
  case closed(Double, Double)
  /// Whole numbers in [low, high].
  case whole(Int, Int)

  /// How the range reads after "expected", e.g. `a number in [0, 1)`.
  public var expected: String {
    switch self {
    case .positive: "a positive number"
    case .nonNegative: "a number ≥ 0"
    case .unitInterval: "a number in [0, 1)"
    case .openUnitInterval: "a number in (0, 1)"
    case .closedUnitInterval: "a number in [0, 1]"
    case .leftOpenUnitInterval: "a number in (0, 1]"
    case .greaterThanOne: "a number greater than 1"
    case .finite: "a finite number"
    case .closed(let low, let high): "a number in [\(Format.compact(low)), \(Format.compact(high))]"
    case .whole(let low, let high): "a whole number in \(low)…\(high)"
    }
  }

  /// True for whole-number ranges.
  public var isWhole: Bool {
    if case .whole = self { return true }
    return false
  }

  /// True when `value` is finite and in the range.
  public func contains(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    switch self {
    case .positive: return value > 0
    case .nonNegative: return value >= 0
    case .unitInterval: return value >= 0 && value < 1
    case .openUnitInterval: return value > 0 && value < 1
    case .closedUnitInterval: return value >= 0 && value <= 1
    case .leftOpenUnitInterval: return value > 0 && value <= 1
    case .greaterThanOne: return value > 1
    case .finite: return true
    case .closed(let low, let high): return value >= low && value <= high
    case .whole(let low, let high):
      return value == value.rounded() && value >= Double(low) && value <= Double(high)
    }
  }

  /// nil when `value` is in the range, else `expected …, got …` for an error message.
  public func violation(_ value: Double) -> String? {
    contains(value) ? nil : "expected \(expected), got \(Format.exact(value))"
  }
}
