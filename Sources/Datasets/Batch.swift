import Tensor

/// A mini-batch in reusable buffers: inputs `[n, features]` plus class ids or regression targets.
///
/// The data pipeline fills the same `Batch` step after step, resizing only when the
/// batch size changes, so iterating an epoch allocates nothing per step.
public struct Batch: Sendable {
  /// The inputs, `[n, features]`, as Float32.
  public var inputs: Tensor
  /// Class ids, one per row (classification); empty for regression.
  public var labels: [Int32]
  /// Regression targets `[n, outputs]`; empty for classification.
  public var targets: Tensor

  /// An empty batch.
  public init() {
    inputs = Tensor(shape: [0, 0])
    labels = []
    targets = Tensor(shape: [0, 0])
  }

  /// The number of rows.
  public var count: Int { inputs.rows }
}

/// What a dataset asks the model to predict.
public enum DatasetTask: Sendable, Equatable, Codable {
  /// Classification into the named classes (class id = index).
  case classification(classNames: [String])
  /// Regression of `outputs` real values per sample.
  case regression(outputs: Int)

  /// True for classification.
  public var isClassification: Bool {
    if case .classification = self { return true }
    return false
  }

  /// The number of model outputs: classes, or regression outputs.
  public var outputCount: Int {
    switch self {
    case .classification(let names): return names.count
    case .regression(let outputs): return outputs
    }
  }
}
