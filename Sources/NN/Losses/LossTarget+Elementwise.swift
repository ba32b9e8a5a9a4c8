import Tensor

extension LossTarget {
  /// Calls `body` with the target value at each flat index of `output`.
  ///
  /// `.values` must have `output`'s element count. `.classes` (one id per row) become
  /// one-hot rows; with a single output column the id itself (0 or 1) is the target.
  func withElementwise<R>(matching output: Tensor, _ body: ((Int) -> Float) -> R) -> R {
    switch self {
    case .values(let values):
      precondition(values.count == output.count, "target \(values.shape) for output \(output.shape)")
      return values.withUnsafeBufferPointer { t in body { t[$0] } }
    case .classes(let ids):
      let columns = output.columns
      precondition(ids.count == output.rows, "\(ids.count) class ids for \(output.rows) rows")
      precondition(
        ids.allSatisfy { $0 >= 0 && Int($0) < Swift.max(columns, 2) },
        "class id out of range for \(columns) outputs")
      if columns == 1 { return body { Float(ids[$0]) } }
      return body { k in Int(ids[k / columns]) == k % columns ? 1 : 0 }
    }
  }

  /// The class ids, or a precondition failure for value targets (hinge needs ids).
  func classIDs(rows: Int, columns: Int, loss: String) -> [Int32] {
    guard case .classes(let ids) = self else {
      preconditionFailure("\(loss) needs class-id targets")
    }
    precondition(ids.count == rows, "\(ids.count) class ids for \(rows) rows")
    precondition(ids.allSatisfy { $0 >= 0 && Int($0) < columns }, "class id out of range for \(columns) classes")
    return ids
  }
}
