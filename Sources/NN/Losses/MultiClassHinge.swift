import Tensor

/// Multi-class hinge loss (PyTorch `MultiMarginLoss`, p = 1, margin 1, mean reduction).
///
/// ```
/// ℓ_i = (1/C)·Σ_{j ≠ y_i} max(0, margin − x_{i,y_i} + x_{ij})      divided by C, not C − 1
/// dx_ij = +1/(C·N) for each j with a strictly positive term; dx_{i,y_i} = −(their count)/(C·N)
/// ```
/// Needs class-id targets.
public struct MultiClassHinge: RowwiseLoss {
  /// The margin (PyTorch's default 1).
  public let margin: Double

  /// Creates the loss with `margin`.
  public init(margin: Double = 1) {
    self.margin = margin
  }

  /// `hinge`.
  public var name: String { LossKind.hinge.rawValue }

  public func accumulate(
    _ output: Tensor, _ target: LossTarget, gradient: UnsafeMutableBufferPointer<Float>?,
    record: (Int, Double) -> Void
  ) -> Double {
    let (n, c) = (output.rows, output.columns)
    let ids = target.classIDs(rows: n, columns: c, loss: name)
    let unit = 1 / Double(c * n)
    return output.withUnsafeBufferPointer { x in
      var total: Double = 0
      for i in 0..<n {
        let base = i * c
        let y = Int(ids[i])
        let targetScore = Double(x[base + y])
        var loss: Double = 0
        var active = 0
        for j in 0..<c {
          let term = j == y ? 0 : margin - targetScore + Double(x[base + j])
          let positive = term > 0
          if positive {
            loss += term
            active += 1
          }
          gradient?[base + j] = positive ? Float(unit) : 0
        }
        gradient?[base + y] = Float(-Double(active) * unit)
        loss /= Double(c)
        record(i, loss)
        total += loss
      }
      return total
    }
  }
}
