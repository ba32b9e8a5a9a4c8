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

  /// A new layer computing this activation, with PyTorch's default settings, for samples of
  /// `shape` (`[features]` or `[channels, height, width]`) stored in channel blocks of `block`
  /// (0: plain). Only ReLU uses the shape: it watches for dead units.
  public func makeLayer(shape: [Int] = [], block: Int = 0) -> any Layer {
    switch self {
    case .relu:
      shape.count == 3
        ? ReLU(units: shape[0], spatialSize: shape[1] * shape[2], block: block) : ReLU(units: shape.first ?? 0)
    case .leakyRelu: LeakyReLU()
    case .prelu: PReLU()
    case .elu: ELU()
    case .sigmoid: Sigmoid()
    case .tanh: Tanh()
    }
  }
}
