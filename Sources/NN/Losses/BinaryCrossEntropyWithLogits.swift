import Foundation
import Tensor

/// Sigmoid and binary cross-entropy fused, on logits (PyTorch `BCEWithLogitsLoss`, mean reduction).
///
/// ```
/// ℓ = max(x, 0) − x·y + log(1 + e^(−|x|))       (stable for |x| of 1e4)
/// loss = mean over all N·C elements              dx = (σ(x) − y)/(N·C)
/// ```
/// Targets may be soft (any value in [0, 1]); class ids are one-hot rows, or the 0/1 label
/// itself for a single output column.
public struct BinaryCrossEntropyWithLogits: Loss {
  public init() {}

  /// `bce`.
  public var name: String { LossKind.bce.rawValue }

  /// The loss of one element, in Double.
  @inline(__always)
  static func elementLoss(_ x: Double, _ y: Double) -> Double {
    Swift.max(x, 0) - x * y + log1p(exp(-abs(x)))
  }

  /// The stable sigmoid, in Double.
  @inline(__always)
  static func sigmoid(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
  }

  /// The mean loss; writes its gradient with respect to the logits.
  public func evaluate(_ output: Tensor, _ target: LossTarget, gradient: inout Tensor) -> Double {
    if gradient.shape != output.shape { gradient.resize(to: output.shape) }
    let count = Double(Swift.max(output.count, 1))
    let total = target.withElementwise(matching: output) { targetAt in
      output.withUnsafeBufferPointer { x in
        gradient.withUnsafeMutableBufferPointer { g in
          var sum: Double = 0
          for k in 0..<x.count {
            let value = Double(x[k])
            let y = Double(targetAt(k))
            sum += Self.elementLoss(value, y)
            g[k] = Float((Self.sigmoid(value) - y) / count)
          }
          return sum
        }
      }
    }
    return total / count
  }

  /// The loss of each element (PyTorch `reduction='none'`).
  public func unreducedLosses(_ output: Tensor, _ target: LossTarget) -> [Double] {
    target.withElementwise(matching: output) { targetAt in
      output.withUnsafeBufferPointer { x in
        (0..<x.count).map { Self.elementLoss(Double(x[$0]), Double(targetAt($0))) }
      }
    }
  }
}
