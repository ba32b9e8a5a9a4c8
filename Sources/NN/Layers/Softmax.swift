import Foundation
import Tensor

/// Row-wise softmax over the features of `[batch, features]`.
///
/// ```
/// y = exp(x − max_row) / Σ exp(x − max_row)      (the max keeps exp from overflowing)
/// dx = y ⊙ (g − Σ_j g_j·y_j)                       per row
/// ```
/// For classification, prefer logits with `SoftmaxCrossEntropy`, which fuses both steps.
public final class Softmax: Layer {
  /// Creates the layer (it has no parameters).
  public init() {}

  /// `softmax`.
  public var summary: String { "softmax" }

  /// Normalises each row to a probability distribution.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    let cols = input.columns
    let rowCount = input.rows
    if output.shape != input.shape { output.resize(to: input.shape) }
    input.withUnsafeBufferPointer { x in
      output.withUnsafeMutableBufferPointer { y in
        for r in 0..<rowCount {
          let base = r * cols
          var rowMax = -Float.infinity
          for j in 0..<cols { rowMax = Swift.max(rowMax, x[base + j]) }
          var sum: Float = 0
          for j in 0..<cols {
            let e = exp(x[base + j] - rowMax)
            y[base + j] = e
            sum += e
          }
          let inverse = 1 / sum
          for j in 0..<cols { y[base + j] *= inverse }
        }
      }
    }
  }

  /// `dx = y ⊙ (g − ⟨g, y⟩)` per row.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    let cols = output.columns
    let rowCount = output.rows
    if gradInput.shape != input.shape { gradInput.resize(to: input.shape) }
    output.withUnsafeBufferPointer { y in
      gradOutput.withUnsafeBufferPointer { g in
        gradInput.withUnsafeMutableBufferPointer { d in
          for r in 0..<rowCount {
            let base = r * cols
            var dot: Float = 0
            for j in 0..<cols { dot += g[base + j] * y[base + j] }
            for j in 0..<cols { d[base + j] = y[base + j] * (g[base + j] - dot) }
          }
        }
      }
    }
  }
}
