/// Why a model description could not be parsed or built.
public enum ModelSpecError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The text holds no sizes at all.
  case empty
  /// A size is not a whole number, e.g. `abc` in `784-abc-10`.
  case invalidSize(String)
  /// A size is zero or negative.
  case nonPositiveSize(Int)
  /// Fewer than two sizes (an input and an output are needed).
  case tooFewSizes(Int)
  /// A word that is neither an activation nor a known option.
  case unknownWord(String)
  /// The dropout rate is outside [0, 1).
  case invalidDropout(Double)

  /// A message for the user.
  public var description: String {
    switch self {
    case .empty: "empty model description: expected sizes like 784-256-128-10"
    case .invalidSize(let text): "invalid layer size '\(text)': expected whole numbers like 784-256-10"
    case .nonPositiveSize(let size): "layer size \(size) must be at least 1"
    case .tooFewSizes(let count):
      "a model needs at least an input and an output size (got \(count)), e.g. 784-10"
    case .unknownWord(let word):
      "unknown word '\(word)': expected an activation "
        + "(\(ActivationKind.allCases.map(\.rawValue).joined(separator: ", "))), bn or dropout <rate>"
    case .invalidDropout(let rate): "dropout rate \(rate) must be in [0, 1)"
    }
  }
}
