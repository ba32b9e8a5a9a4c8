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
  /// A token of the layer language that names no layer, e.g. `conv` misspelt `cnov16k3`.
  case unknownLayer(String)
  /// A known layer word with bad numbers: the token and what was expected.
  case badLayer(String, String)
  /// The layers do not fit the shapes flowing through them (the message names token and layer).
  case badShape(String)

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
    case .unknownLayer(let token):
      "unknown layer '\(token)': expected conv<C>k<K>[s<S>][p<P>], maxpool<K>, avgpool<K>, gap, bn, "
        + "\(ActivationKind.allCases.map(\.rawValue).joined(separator: ", ")), dropout<rate>, dropout2d<rate>, "
        + "flatten or dense<N>"
    case .badLayer(let token, let expected): "bad layer '\(token)': \(expected)"
    case .badShape(let message): message
    }
  }
}
