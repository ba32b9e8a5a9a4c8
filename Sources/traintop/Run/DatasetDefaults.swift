import Datasets
import NN

/// Training defaults that suit each built-in dataset (and a generic fallback for the user's own data).
struct DatasetDefaults {
  /// The model; `nil` decides by the data: `cnn-small` for images of at least 4×4
  /// (any IDX folder), else `mlp`.
  var model: NamedModel?
  /// Hidden layer sizes between the data's inputs and outputs, for `mlp`.
  var hidden: [Int]
  var learningRate: Double
  /// Mini-batch size.
  var batchSize: Int
  var epochs: Int
  /// Early-stopping patience (epochs).
  var patience: Int

  /// The defaults for `source`.
  static func forSource(_ source: DatasetSource) -> DatasetDefaults {
    guard case .builtin(let builtin) = source else {
      return DatasetDefaults(
        model: nil, hidden: [64], learningRate: 1e-3, batchSize: 32, epochs: 50, patience: 10)
    }
    switch builtin {
    case .mnist:
      return DatasetDefaults(
        model: .cnnSmall, hidden: [256, 128], learningRate: 1e-3, batchSize: 128, epochs: 10, patience: 5)
    case .iris:
      return DatasetDefaults(model: .mlp, hidden: [16], learningRate: 1e-2, batchSize: 16, epochs: 100, patience: 20)
    case .wine:
      return DatasetDefaults(model: .mlp, hidden: [16], learningRate: 3e-3, batchSize: 8, epochs: 100, patience: 20)
    case .digits:
      return DatasetDefaults(model: .mlp, hidden: [256], learningRate: 1e-3, batchSize: 32, epochs: 60, patience: 10)
    case .diabetes:
      return DatasetDefaults(model: .mlp, hidden: [32], learningRate: 1e-2, batchSize: 32, epochs: 200, patience: 20)
    }
  }
}
