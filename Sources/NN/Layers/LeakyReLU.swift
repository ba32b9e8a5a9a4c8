import Tensor

/// Leaky ReLU: `y = x > 0 ? x : α·x`, derivative α at exactly 0 (PyTorch).
public final class LeakyReLU: Layer {
  /// The slope for negative inputs.
  public let alpha: Float

  /// Creates the layer with negative slope `alpha` (PyTorch's default 0.01).
  public init(alpha: Float = 0.01) {
    self.alpha = alpha
  }

  /// `leaky_relu <α>`.
  public var summary: String { "\(ActivationKind.leakyRelu.rawValue) \(alpha)" }

  /// `y = x > 0 ? x : α·x`.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    Self.forward(input, into: &output, slope: alpha)
  }

  /// `dx = g·(x > 0 ? 1 : α)`.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    Self.backward(input: input, output: output, gradOutput: gradOutput, gradInput: &gradInput, slope: alpha)
  }

  /// `y = x > 0 ? x : slope·x`, shared with `PReLU`.
  static func forward(_ input: Tensor, into output: inout Tensor, slope: Float) {
    output.map(from: input) { $0 > 0 ? $0 : slope * $0 }
  }

  /// `dx = g·(x > 0 ? 1 : slope)`, shared with `PReLU`.
  static func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor, gradInput: inout Tensor, slope: Float
  ) {
    gradInput.mapGradient(input: input, output: output, gradOutput: gradOutput) { x, _, g in
      x > 0 ? g : slope * g
    }
  }
}
