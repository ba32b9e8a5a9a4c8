/// The activation functions a `ModelSpec` may name, by their command-line names.
public enum ActivationKind: String, CaseIterable, Codable, Sendable {
  /// Rectified linear unit.
  case relu
  /// Leaky ReLU with slope 0.01.
  case leakyRelu = "leaky_relu"
  /// Parametric ReLU with one learnable slope (starts at 0.25).
  case prelu
  /// Exponential linear unit with α = 1.
  case elu
  /// Logistic sigmoid.
  case sigmoid
  /// Hyperbolic tangent.
  case tanh

  /// A new layer computing this activation, with PyTorch's default settings.
  public func makeLayer() -> any Layer {
    switch self {
    case .relu: ReLU()
    case .leakyRelu: LeakyReLU()
    case .prelu: PReLU()
    case .elu: ELU()
    case .sigmoid: Sigmoid()
    case .tanh: Tanh()
    }
  }
}
