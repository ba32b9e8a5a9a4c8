import Tensor

/// Reshapes `[batch, d1, d2, …]` to `[batch, d1·d2·…]` (row-major, PyTorch `Flatten(start_dim=1)`).
///
/// The identity on `[batch, features]`; the gradient takes the input's shape back.
public final class Flatten: Layer {
  /// Creates the layer (it has no parameters).
  public init() {}

  /// `flatten`.
  public var summary: String { "flatten" }

  /// `[c·h·w]`.
  public func outputShape(for inputShape: [Int]) -> [Int] { [inputShape.reduce(1, *)] }

  /// Copies the elements unchanged under the shape `[batch, rest]`.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    output.copyElements(of: input, shape: [input.rows, input.columns])
  }

  /// Copies the gradient back under the input's shape.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    gradInput.copyElements(of: gradOutput, shape: input.shape)
  }
}
