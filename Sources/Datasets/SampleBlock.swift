/// Sample features as loaded: one byte per value (u8 images) or Float32.
enum FeatureValues: Sendable {
  /// Unsigned bytes, converted to Float per batch (MNIST: 47 MB instead of 188 MB).
  case bytes([UInt8])
  /// Float32 values; missing CSV cells are NaN until imputed.
  case floats([Float])
}

/// A block of samples read from one source (a training file or a test file), row-major.
///
/// Splits refer to rows of a block by index; the block itself is never copied
/// (its arrays are shared copy-on-write between the splits that use it).
struct SampleBlock: Sendable {
  /// The features, `count × featureCount`, row-major.
  var features: FeatureValues
  /// Values per sample.
  var featureCount: Int
  /// Class ids (classification), one per sample; empty for regression.
  var labels: [Int32]
  /// Regression targets, `count × outputs`; empty for classification.
  var targets: [Float]
  /// The number of samples.
  var count: Int

  /// The regression outputs per sample (0 for classification).
  var outputCount: Int { count == 0 || targets.isEmpty ? 0 : targets.count / count }

  /// The label or 0 (regression) of each row, used to stratify.
  var strata: [Int32] { labels.isEmpty ? [Int32](repeating: 0, count: count) : labels }
}
