import Tensor

/// Rectified linear unit: `y = max(x, 0)`, derivative 0 at exactly 0 (PyTorch).
public final class ReLU: Layer {
  /// Creates the layer (it has no parameters).
  public init() {}

  /// `relu`.
  public var summary: String { ActivationKind.relu.rawValue }

  /// `y = max(x, 0)`.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    output.map(from: input) { $0 > 0 ? $0 : 0 }
  }

  /// `dx = g·[x > 0]`.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    gradInput.mapGradient(input: input, output: output, gradOutput: gradOutput) { x, _, g in
      x > 0 ? g : 0
    }
  }
}
