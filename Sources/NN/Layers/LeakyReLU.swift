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
    let a = alpha
    output.map(from: input) { $0 > 0 ? $0 : a * $0 }
  }

  /// `dx = g·(x > 0 ? 1 : α)`.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    let a = alpha
    gradInput.mapGradient(input: input, output: output, gradOutput: gradOutput) { x, _, g in
      x > 0 ? g : a * g
    }
  }
}
