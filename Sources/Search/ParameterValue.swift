/// One value of a searched parameter: a number (a rate, a size) or a word (`adam`, `64-128-10`).
public enum ParameterValue: Hashable, Sendable, Codable, CustomStringConvertible {
  case number(Double)
  case text(String)

  /// The number, or nil for a word.
  public var number: Double? {
    if case .number(let x) = self { return x }
    return nil
  }

  /// As it is written on a command line and in trials.csv: whole numbers without a fraction
  /// (`64`, not `64.0`), others in Swift's shortest round-tripping form (`0.00123`).
  public var description: String {
    switch self {
    case .text(let word): return word
    case .number(let x):
      if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
      return "\(x)"
    }
  }
}
