import Tensor

/// A classification confusion matrix (rows = true class, columns = predicted), built batch by batch.
///
/// Precision, recall and F1 follow scikit-learn with `zero_division=0`: a 0/0 is 0. Macro
/// averages are plain means over **all** classes `0..<classCount`, including classes that
/// never occur or are never predicted.
/// ```
/// precision_c = tp/(tp + fp)   recall_c = tp/(tp + fn)   F1_c = 2·tp/(2·tp + fp + fn)
/// ```
public struct ConfusionMatrix: Sendable, Equatable, Codable {
  /// The number of classes.
  public let classCount: Int
  /// The counts, row-major: `counts[trueClass * classCount + predictedClass]`.
  public private(set) var counts: [Int]

  /// An empty matrix for `classCount` classes.
  public init(classCount: Int) {
    precondition(classCount > 0, "a confusion matrix needs at least one class")
    self.classCount = classCount
    counts = [Int](repeating: 0, count: classCount * classCount)
  }

  /// A matrix counting `predictions` against `labels`.
  public init(classCount: Int, predictions: [Int32], labels: [Int32]) {
    self.init(classCount: classCount)
    add(predictions: predictions, labels: labels)
  }

  /// The count of samples of class `trueClass` predicted as `predicted`.
  public subscript(trueClass: Int, predicted: Int) -> Int {
    counts[trueClass * classCount + predicted]
  }

  /// Counts one batch of predicted class ids against the true ones.
  public mutating func add(predictions: [Int32], labels: [Int32]) {
    precondition(predictions.count == labels.count, "\(predictions.count) predictions for \(labels.count) labels")
    let k = classCount
    counts.withUnsafeMutableBufferPointer { cells in
      for (predicted, label) in zip(predictions, labels) {
        precondition(
          predicted >= 0 && Int(predicted) < k && label >= 0 && Int(label) < k,
          "class id out of range 0..<\(k): predicted \(predicted), label \(label)")
        cells[Int(label) * k + Int(predicted)] += 1
      }
    }
  }

  /// Counts one batch of logits `[n, classCount]` (prediction = arg max, first on ties) against `labels`.
  public mutating func add(logits: Tensor, labels: [Int32]) {
    precondition(logits.rank == 2 && logits.columns == classCount, "logits \(logits.shape) for \(classCount) classes")
    precondition(logits.rows == labels.count, "\(logits.rows) rows of logits for \(labels.count) labels")
    let k = classCount
    logits.withUnsafeBufferPointer { values in
      counts.withUnsafeMutableBufferPointer { cells in
        for (row, label) in labels.enumerated() {
          precondition(label >= 0 && Int(label) < k, "label \(label) out of range 0..<\(k)")
          let predicted = Self.argMax(values, offset: row * k, count: k)
          cells[Int(label) * k + predicted] += 1
        }
      }
    }
  }

  /// The index of the largest of `count` values from `offset` (the first one on ties; NaN never wins).
  @inline(__always)
  static func argMax(_ values: UnsafeBufferPointer<Float>, offset: Int, count: Int) -> Int {
    var best = 0
    var bestValue = values[offset]
    for j in 1..<max(count, 1) where values[offset + j] > bestValue || bestValue.isNaN {
      best = j
      bestValue = values[offset + j]
    }
    return best
  }

  /// Forgets every count.
  public mutating func reset() {
    for i in counts.indices { counts[i] = 0 }
  }

  /// The number of samples counted.
  public var total: Int { counts.reduce(0, +) }

  /// The number of correctly classified samples (the trace).
  public var correct: Int { (0..<classCount).reduce(0) { $0 + self[$1, $1] } }
}
