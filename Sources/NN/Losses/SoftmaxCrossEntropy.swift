import Foundation
import Tensor

/// Softmax and cross-entropy fused, on logits (PyTorch `CrossEntropyLoss`, mean reduction).
///
/// ```
/// lse_i = m + log Σ_c exp(x_ic − m),  m = max_c x_ic          (stable for logits of ±1e4)
/// q_i   = (1 − ε)·target_i + ε/C                            (label smoothing ε)
/// ℓ_i   = Σ_c q_ic·(lse_i − x_ic)      loss = (1/N)·Σ_i ℓ_i
/// dx_ic = (softmax(x_i)_c·Σ_c q_ic − q_ic)/N
/// ```
/// Targets are class ids (one-hot) or, as PyTorch allows, probability rows (`.values`).
public struct SoftmaxCrossEntropy: RowwiseLoss {
  /// The label-smoothing weight ε in [0, 1).
  public let labelSmoothing: Double

  /// Creates the loss with label smoothing `labelSmoothing` (0: none).
  public init(labelSmoothing: Double = 0) {
    precondition(labelSmoothing >= 0 && labelSmoothing < 1, "label smoothing must be in [0, 1)")
    self.labelSmoothing = labelSmoothing
  }

  /// `cross_entropy`.
  public var name: String { LossKind.crossEntropy.rawValue }

  public func accumulate(
    _ output: Tensor, _ target: LossTarget, gradient: UnsafeMutableBufferPointer<Float>?,
    record: (Int, Double) -> Void
  ) -> Double {
    let n = output.rows
    let c = output.columns
    let keep = 1 - labelSmoothing
    let spread = labelSmoothing / Double(c)
    return target.withElementwise(matching: output) { targetAt in
      output.withUnsafeBufferPointer { x in
        // exp(x − max) of one row, computed once and reused for the gradient (stack memory).
        withUnsafeTemporaryAllocation(of: Double.self, capacity: c) { shifted in
          var total: Double = 0
          for i in 0..<n {
            let base = i * c
            var rowMax = -Double.infinity
            for j in 0..<c { rowMax = Swift.max(rowMax, Double(x[base + j])) }
            var sumExp: Double = 0
            for j in 0..<c {
              shifted[j] = exp(Double(x[base + j]) - rowMax)
              sumExp += shifted[j]
            }
            let lse = rowMax + log(sumExp)
            var loss: Double = 0
            var mass: Double = 0
            for j in 0..<c {
              let q = keep * Double(targetAt(base + j)) + spread
              loss += q * (lse - Double(x[base + j]))
              mass += q
            }
            if let g = gradient {
              for j in 0..<c {
                let q = keep * Double(targetAt(base + j)) + spread
                g[base + j] = Float((shifted[j] / sumExp * mass - q) / Double(n))
              }
            }
            record(i, loss)
            total += loss
          }
          return total
        }
      }
    }
  }
}
