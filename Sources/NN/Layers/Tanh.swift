import Foundation
import Tensor

/// Hyperbolic tangent.
public final class Tanh: Layer {
  /// Creates the layer (it has no parameters).
  public init() {}

  /// `tanh`.
  public var summary: String { ActivationKind.tanh.rawValue }

  /// `y = tanh(x)`.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    output.map(from: input) { tanh($0) }
  }

  /// `dx = g·(1 − y²)`.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    gradInput.mapGradient(input: input, output: output, gradOutput: gradOutput) { _, y, g in
      g * (1 - y * y)
    }
  }
}
