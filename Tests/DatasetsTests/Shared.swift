import Datasets
import Foundation
import TestSupport

/// Datasets loaded once per test process (MNIST takes a moment in debug builds).
enum Shared {
  /// MNIST with default options (10% stratified validation carved from the training file).
  static let mnist: Dataset? = try? DatasetLoader.load(DatasetOptions("mnist"), datasetsDirectory: Fixtures.datasets)

  /// MNIST with no validation split: the training split is the training file in file order.
  static let mnistFileOrder: Dataset? = try? DatasetLoader.load(
    DatasetOptions(source: .builtin(.mnist), validationFraction: 0), datasetsDirectory: Fixtures.datasets)

  /// Loads a built-in with default options.
  static func builtin(_ dataset: BuiltinDataset) throws -> Dataset {
    try DatasetLoader.load(DatasetOptions(source: .builtin(dataset)), datasetsDirectory: Fixtures.datasets)
  }

  /// The oracle's data checks (Tests/Fixtures/oracles/mlp_parity/parity.json, field `data`).
  struct Parity: Decodable {
    struct DataChecks: Decodable {
      let index_range: [Int]
      let pixel_sum_uint8: Int
      let label_counts: [Int]
      let labels_first_16: [Int]
    }
    struct DataSection: Decodable {
      let checks_8_steps: DataChecks
      let checks_100_steps: DataChecks
    }
    let data: DataSection
  }
}
