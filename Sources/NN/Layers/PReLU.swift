import Tensor

/// Parametric ReLU with one learnable slope shared by all features (PyTorch `PReLU()`).
///
/// ```
/// y = x > 0 ? x : α·x        dx = g·(x > 0 ? 1 : α)  (α at exactly 0)
/// dα = Σ_{x ≤ 0} x·g         over every element of the batch
/// ```
public final class PReLU: Layer {
  /// The slope α, shape `[1]`, named `weight` (PyTorch's name); not regularised.
  public let weight: Parameter

  /// Creates the layer with α = `initialSlope` (PyTorch's default 0.25).
  public init(initialSlope: Float = 0.25) {
    weight = Parameter(name: "weight", value: Tensor([initialSlope]))
  }

  /// The current slope α.
  public var alpha: Float { weight.value.storage[0] }

  /// `prelu`.
  public var summary: String { ActivationKind.prelu.rawValue }

  /// The slope α.
  public var parameters: [Parameter] { [weight] }

  /// `y = x > 0 ? x : α·x`.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    LeakyReLU.forward(input, into: &output, slope: alpha)
  }

  /// Writes dα and, if asked, `dx = g·(x > 0 ? 1 : α)`.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    precondition(input.count == gradOutput.count, "PReLU: gradient \(gradOutput.shape) for \(input.shape)")
    let slopeGradient = input.withUnsafeBufferPointer { x in
      gradOutput.withUnsafeBufferPointer { g in
        var sum: Double = 0
        for i in 0..<x.count where x[i] <= 0 { sum += Double(x[i]) * Double(g[i]) }
        return sum
      }
    }
    if weight.gradient.shape != [1] { weight.gradient.resize(to: [1]) }
    weight.gradient.storage[0] = Float(slopeGradient)
    guard computeInputGradient else { return }
    LeakyReLU.backward(input: input, output: output, gradOutput: gradOutput, gradInput: &gradInput, slope: alpha)
  }
}
