/// A dataset as read from disk, before splitting and preprocessing.
struct RawDataset: Sendable {
  /// The dataset's name (built-in name, or the file or folder name).
  var name: String
  /// Classification (with class names) or regression.
  var task: DatasetTask
  /// One name per feature (header names, or `pixel_<row>_<col>`, or `feature_<i>`).
  var featureNames: [String]
  /// The image layout, when samples are images.
  var imageShape: ImageShape?
  /// The training file's samples (the only block for data without its own test split).
  var train: SampleBlock
  /// The test file's samples, when the data has its own test split.
  var test: SampleBlock?
  /// Feature cells left NaN for imputation (CSV with `impute: .mean`).
  var missingCount = 0
  /// The file the samples came from, for errors found after reading.
  var file: String
}
