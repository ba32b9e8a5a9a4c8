/// One split of a dataset (train, validation or test): a list of row indices into shared sample storage.
///
/// A split never owns a copy of the data: train and validation of MNIST share one
/// `[UInt8]` of pixels and differ only in `rows`. `fill` gathers a batch's rows,
/// converts them to Float and applies `preprocessing`, reusing the batch's buffers.
public struct DataSplit: Sendable {
  /// Storage row of each sample of the split, in split order (oversampling repeats rows).
  public private(set) var rows: [Int]
  /// The shared samples the rows point into.
  let block: SampleBlock
  /// The transform applied by `fill`.
  public var preprocessing: Preprocessing
  /// The number of classes (0 for regression).
  public let classCount: Int
  /// Samples per class in this split, rows repeated by oversampling included; empty for regression.
  public let classCounts: [Int]

  /// Creates the split of `rows` of `block`.
  init(block: SampleBlock, rows: [Int], preprocessing: Preprocessing, classCount: Int) {
    self.block = block
    self.rows = rows
    self.preprocessing = preprocessing
    self.classCount = classCount
    var counts = [Int](repeating: 0, count: classCount)
    if classCount > 0 {
      for row in rows { counts[Int(block.labels[row])] += 1 }
    }
    classCounts = counts
  }

  /// The number of samples.
  public var count: Int { rows.count }

  /// Values per sample.
  public var featureCount: Int { block.featureCount }

  /// Regression outputs per sample (0 for classification).
  public var outputCount: Int { block.outputCount }

  /// True when the split holds no samples.
  public var isEmpty: Bool { rows.isEmpty }

  /// The class id of sample `index` (classification only).
  public func label(at index: Int) -> Int32 {
    block.labels[rows[index]]
  }

  /// The class id of every sample, in split order; empty for regression.
  public var labels: [Int32] {
    block.labels.isEmpty ? [] : rows.map { block.labels[$0] }
  }

  /// The regression targets of every sample, `count × outputCount`, in split order; empty for classification.
  public var targets: [Float] {
    let outputs = outputCount
    guard outputs > 0 else { return [] }
    var result: [Float] = []
    result.reserveCapacity(rows.count * outputs)
    for row in rows { result.append(contentsOf: block.targets[(row * outputs)..<((row + 1) * outputs)]) }
    return result
  }

  /// The same storage with other rows (split-local indices are mapped through `rows`).
  func selecting(_ indices: [Int]) -> DataSplit {
    DataSplit(block: block, rows: indices.map { rows[$0] }, preprocessing: preprocessing, classCount: classCount)
  }

  /// The same split with `extra` storage rows appended (oversampling).
  func appending(rows extra: [Int]) -> DataSplit {
    DataSplit(block: block, rows: rows + extra, preprocessing: preprocessing, classCount: classCount)
  }
}
