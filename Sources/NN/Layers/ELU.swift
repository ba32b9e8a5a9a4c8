import Foundation
import Tensor

/// Exponential linear unit: `y = x > 0 ? x : α·(eˣ − 1)`.
///
/// `dx = g·(x > 0 ? 1 : α·eˣ)`, computed as `g·(y + α)` for x ≤ 0 (α at exactly 0, as PyTorch).
public final class ELU: Layer {
  /// The saturation value for large negative inputs (−α).
  public let alpha: Float

  /// Creates the layer with `alpha` (PyTorch's default 1).
  public init(alpha: Float = 1) {
    self.alpha = alpha
  }

  /// `elu`, or `elu <α>` when α ≠ 1.
  public var summary: String {
    alpha == 1 ? ActivationKind.elu.rawValue : "\(ActivationKind.elu.rawValue) \(alpha)"
  }

  /// `y = x > 0 ? x : α·(eˣ − 1)` (`expm1`, accurate near 0).
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    let a = alpha
    output.map(from: input) { $0 > 0 ? $0 : a * expm1($0) }
  }

  /// `dx = g·(x > 0 ? 1 : y + α)`.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    let a = alpha
    gradInput.mapGradient(input: input, output: output, gradOutput: gradOutput) { x, y, g in
      x > 0 ? g : g * (y + a)
    }
  }
}
