import Tensor

/// A loss computed row by row: one `accumulate` gives the mean loss, its gradient and per-row losses.
public protocol RowwiseLoss: Loss {
  /// Sums the row losses, reporting each to `record`, and writes the mean's gradient when given a buffer.
  func accumulate(
    _ output: Tensor, _ target: LossTarget, gradient: UnsafeMutableBufferPointer<Float>?,
    record: (Int, Double) -> Void
  ) -> Double
}

// MARK: - Default implementations

extension RowwiseLoss {
  /// The mean loss; writes its gradient with respect to the output.
  public func evaluate(_ output: Tensor, _ target: LossTarget, gradient: inout Tensor) -> Double {
    if gradient.shape != output.shape { gradient.resize(to: output.shape) }
    let total = gradient.withUnsafeMutableBufferPointer { g in
      accumulate(output, target, gradient: g) { _, _ in }
    }
    return total / Double(Swift.max(output.rows, 1))
  }

  /// The loss of each row (PyTorch `reduction='none'`).
  public func unreducedLosses(_ output: Tensor, _ target: LossTarget) -> [Double] {
    var losses = [Double](repeating: 0, count: output.rows)
    _ = accumulate(output, target, gradient: nil) { row, loss in losses[row] = loss }
    return losses
  }
}
