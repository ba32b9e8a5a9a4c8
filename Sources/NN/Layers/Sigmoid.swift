import Foundation
import Tensor

/// Logistic sigmoid `y = 1/(1 + e⁻ˣ)`, computed without overflow for large |x|.
public final class Sigmoid: Layer {
  /// Creates the layer (it has no parameters).
  public init() {}

  /// `sigmoid`.
  public var summary: String { ActivationKind.sigmoid.rawValue }

  /// The stable sigmoid of one value: `e^x/(1 + e^x)` for negative x, so `exp` never overflows.
  @inline(__always)
  static func sigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
  }

  /// `y = σ(x)`.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    output.map(from: input) { Sigmoid.sigmoid($0) }
  }

  /// `dx = g·y·(1 − y)`.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    gradInput.mapGradient(input: input, output: output, gradOutput: gradOutput) { _, y, g in
      g * y * (1 - y)
    }
  }
}
