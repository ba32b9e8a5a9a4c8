/// One loaded dataset: train, validation and test splits over shared storage, plus the fitted preprocessing.
///
/// Made by `DatasetLoader.load`. Statistics are fitted on `train` only; validation and
/// test use the same `preprocessing`. Store `preprocessing` (Codable) with a run and give
/// it back through `applying(_:)` on resume to reuse the exact same transform.
public struct Dataset: Sendable {
  /// The built-in name, or the file or folder name.
  public var name: String
  /// Classification (class names) or regression (outputs).
  public var task: DatasetTask
  /// Values per sample (the model's input width).
  public var featureCount: Int
  /// One name per feature (CSV header names, or `pixel_<row>_<col>`).
  public var featureNames: [String]
  /// The image layout when samples are images (MNIST 28x28, digits 8x8); nil for tabular data.
  public var imageShape: ImageShape?
  /// The training split (oversampled rows included when asked).
  public var train: DataSplit
  /// The validation split (stratified, carved from the training data).
  public var validation: DataSplit
  /// The test split: the data's own test file when it has one, else a stratified share.
  public var test: DataSplit
  /// True when `test` is the data's own test file (MNIST), not carved from the training data.
  public var hasOwnTestSplit: Bool
  /// The options the dataset was loaded with.
  public var options: DatasetOptions
  /// Training rows before oversampling (the pool for cross-validation folds).
  let baseTrainRows: [Int]

  /// The transform of all three splits; setting it replaces it in every split.
  public var preprocessing: Preprocessing {
    get { train.preprocessing }
    set {
      train.preprocessing = newValue
      validation.preprocessing = newValue
      test.preprocessing = newValue
    }
  }

  /// The same dataset with a stored transform (from a run's config) instead of the fitted one.
  ///
  /// - Throws: `DatasetError` when the stored transform was fitted on a different number of features.
  public func applying(_ preprocessing: Preprocessing) throws -> Dataset {
    for (name, count) in [("shift", preprocessing.shift.count), ("factor", preprocessing.factor.count)]
    where count != 0 && count != featureCount {
      throw DatasetError(
        file: self.name,
        "the run's stored preprocessing has \(count) \(name) values but the data has "
          + "\(featureCount) features: was the file changed since the run started?")
    }
    var copy = self
    copy.preprocessing = preprocessing
    return copy
  }

  /// The class names (empty for regression).
  public var classNames: [String] {
    if case .classification(let names) = task { return names }
    return []
  }

  /// A one-line description: name, task, feature count and split sizes.
  public var summary: String {
    let kind = task.isClassification ? "\(task.outputCount) classes" : "regression (\(task.outputCount) output)"
    let features = imageShape.map { "\(featureCount) features (\($0))" } ?? "\(featureCount) features"
    return "\(name): \(kind), \(features), train \(train.count) / validation \(validation.count) / test \(test.count)"
  }

  /// An augmenter for training batches with `seed`, or nil when augmentation is off.
  ///
  /// Pixels shifted in from outside the image take the value a raw 0 has after preprocessing.
  public func makeAugmenter(seed: UInt64) -> Augmenter? {
    guard options.augmentation.isEnabled else { return nil }
    let background = (0..<featureCount).map { preprocessing.apply(0, feature: $0) }
    return Augmenter(options: options.augmentation, imageShape: imageShape, background: background, seed: seed)
  }
}
