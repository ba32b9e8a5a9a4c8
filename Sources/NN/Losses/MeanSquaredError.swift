import Tensor

/// Mean squared error over every element (PyTorch `MSELoss`, mean reduction).
///
/// ```
/// loss = (1/(N·C))·Σ (x − y)²        dx = 2(x − y)/(N·C)
/// ```
/// Class-id targets are compared as one-hot rows.
public struct MeanSquaredError: Loss {
  public init() {}

  /// `mse`.
  public var name: String { LossKind.mse.rawValue }

  /// The mean loss; writes its gradient with respect to the output.
  public func evaluate(_ output: Tensor, _ target: LossTarget, gradient: inout Tensor) -> Double {
    if gradient.shape != output.shape { gradient.resize(to: output.shape) }
    let count = Double(Swift.max(output.count, 1))
    let scale = 2 / count
    let total = target.withElementwise(matching: output) { targetAt in
      output.withUnsafeBufferPointer { x in
        gradient.withUnsafeMutableBufferPointer { g in
          var sum: Double = 0
          for k in 0..<x.count {
            let d = Double(x[k]) - Double(targetAt(k))
            sum += d * d
            g[k] = Float(scale * d)
          }
          return sum
        }
      }
    }
    return total / count
  }

  /// The squared error of each element (PyTorch `reduction='none'`).
  public func unreducedLosses(_ output: Tensor, _ target: LossTarget) -> [Double] {
    target.withElementwise(matching: output) { targetAt in
      output.withUnsafeBufferPointer { x in
        (0..<x.count).map { k in
          let d = Double(x[k]) - Double(targetAt(k))
          return d * d
        }
      }
    }
  }
}
