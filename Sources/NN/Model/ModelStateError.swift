/// Why saved tensors could not be loaded into a model.
public enum ModelStateError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No tensor under a parameter's or buffer's name.
  case missing(String)
  /// A tensor whose shape differs from the model's.
  case shapeMismatch(name: String, expected: [Int], found: [Int])

  /// A message for the user.
  public var description: String {
    switch self {
    case .missing(let name): "checkpoint has no tensor '\(name)'"
    case .shapeMismatch(let name, let expected, let found):
      "checkpoint tensor '\(name)' has shape \(found), the model needs \(expected)"
    }
  }
}
