import Tensor

/// Inverted dropout: in training, zeroes each element with probability `rate` and scales the rest by 1/(1 − rate).
///
/// ```
/// training:   y = x·m/(1 − p),  m ~ Bernoulli(1 − p) (1 = keep),  dx = g·m/(1 − p)
/// evaluation: y = x,  dx = g
/// ```
/// The mask is drawn from the `rng` passed to `forward` and kept (pre-scaled) for `backward`.
public final class Dropout: Layer {
  /// The probability p of dropping an element, in [0, 1); the trainer changes it between steps (`:dropout`).
  public var rate: Double {
    didSet { precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1), got \(rate)") }
  }
  /// The scaled mask of the last training forward: 0 (dropped) or 1/(1 − p) (kept).
  public private(set) var mask = Tensor(shape: [0])
  /// Whether the last forward applied `mask` (training with p > 0) or was the identity.
  private var maskApplied = false

  /// Creates the layer dropping elements with probability `rate`.
  public init(rate: Double) {
    precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1), got \(rate)")
    self.rate = rate
  }

  /// `dropout <p>`.
  public var summary: String { "dropout \(rate)" }

  /// Draws a fresh mask and applies it in training; copies the input in evaluation.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    guard mode == .training && rate > 0 else {
      maskApplied = false
      output.assign(input)
      return
    }
    if mask.shape != input.shape { mask.resize(to: input.shape) }
    let threshold = Float(rate)
    let scale = Float(1 / (1 - rate))
    mask.withUnsafeMutableBufferPointer { m in
      for i in 0..<m.count { m[i] = rng.nextUniform() >= threshold ? scale : 0 }
    }
    applyMask(input, into: &output)
  }

  /// Applies a given 0/1 keep `keepMask` (1 = keep) as a training forward would, for reproducing a reference.
  public func forward(_ input: Tensor, into output: inout Tensor, keepMask: Tensor) {
    precondition(keepMask.count == input.count, "dropout mask \(keepMask.shape) for \(input.shape)")
    let scale = Float(1 / (1 - rate))
    mask.map(from: keepMask) { $0 * scale }
    applyMask(input, into: &output)
  }

  private func applyMask(_ input: Tensor, into output: inout Tensor) {
    maskApplied = true
    if output.shape != input.shape { output.resize(to: input.shape) }
    input.withUnsafeBufferPointer { x in
      mask.withUnsafeBufferPointer { m in
        output.withUnsafeMutableBufferPointer { y in
          for i in 0..<y.count { y[i] = x[i] * m[i] }
        }
      }
    }
  }

  /// `dx = g·m/(1 − p)` after a training forward, `dx = g` after an evaluation one.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    gradInput.copyElements(of: gradOutput, shape: input.shape)
    if maskApplied { gradInput.multiply(by: mask) }
  }
}
