/// Everything that decides how a dataset is read, split, scaled and augmented (stored in a run's config).
///
/// Every field has a default, and decoding accepts any subset of the keys.
public struct DatasetOptions: Codable, Sendable, Equatable {
  /// Where the data comes from.
  public var source: DatasetSource
  /// CSV: the label column; nil picks a column named `label`, `target` or `class`, else the last.
  public var labelColumn: ColumnSelector?
  /// CSV: the field separator; nil detects `,` `;` tab or `|` from the first line.
  public var delimiter: Delimiter?
  /// CSV: whether the first row is a header; nil detects it (a first row with no number is a header).
  public var hasHeader: Bool?
  /// Classification or regression; `automatic` means regression for a label column named `target`.
  public var task: TaskKind
  /// What to do with missing or non-numeric feature values.
  public var impute: Imputation
  /// Feature scaling, fitted on the training split.
  public var scaling: Scaling
  /// Train/validation/test fractions for data without its own test split.
  public var split: SplitFractions
  /// Fraction of the training file carved out (stratified) as validation when the data has its own test split.
  public var validationFraction: Double
  /// Seed of the splits and of oversampling.
  public var seed: UInt64
  /// Training-batch augmentation (off by default).
  public var augmentation: AugmentationOptions
  /// Repeat minority-class training rows until every class has as many as the largest.
  public var oversample: Bool
  /// CSV: treat each row as an image of this shape (enables shift/rotation augmentation).
  public var imageShape: ImageShape?

  /// Options with every default: 70/15/15 split, 10% validation for MNIST, standardised tabular features.
  public init(
    source: DatasetSource, labelColumn: ColumnSelector? = nil, delimiter: Delimiter? = nil,
    hasHeader: Bool? = nil, task: TaskKind = .automatic, impute: Imputation = .none,
    scaling: Scaling = .automatic, split: SplitFractions = .standard, validationFraction: Double = 0.1,
    seed: UInt64 = 0, augmentation: AugmentationOptions = AugmentationOptions(), oversample: Bool = false,
    imageShape: ImageShape? = nil
  ) {
    self.source = source
    self.labelColumn = labelColumn
    self.delimiter = delimiter
    self.hasHeader = hasHeader
    self.task = task
    self.impute = impute
    self.scaling = scaling
    self.split = split
    self.validationFraction = validationFraction
    self.seed = seed
    self.augmentation = augmentation
    self.oversample = oversample
    self.imageShape = imageShape
  }

  /// Options for a built-in name or a path, with every default.
  public init(_ argument: String) {
    self.init(source: DatasetSource(argument: argument))
  }

  /// Decodes the options; missing keys take their defaults.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = DatasetOptions(source: try c.decode(DatasetSource.self, forKey: .source))
    self = defaults
    labelColumn = try c.decodeIfPresent(ColumnSelector.self, forKey: .labelColumn)
    delimiter = try c.decodeIfPresent(Delimiter.self, forKey: .delimiter)
    hasHeader = try c.decodeIfPresent(Bool.self, forKey: .hasHeader)
    task = try c.decodeIfPresent(TaskKind.self, forKey: .task) ?? defaults.task
    impute = try c.decodeIfPresent(Imputation.self, forKey: .impute) ?? defaults.impute
    scaling = try c.decodeIfPresent(Scaling.self, forKey: .scaling) ?? defaults.scaling
    split = try c.decodeIfPresent(SplitFractions.self, forKey: .split) ?? defaults.split
    validationFraction = try c.decodeIfPresent(Double.self, forKey: .validationFraction) ?? defaults.validationFraction
    seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
    augmentation = try c.decodeIfPresent(AugmentationOptions.self, forKey: .augmentation) ?? defaults.augmentation
    oversample = try c.decodeIfPresent(Bool.self, forKey: .oversample) ?? defaults.oversample
    imageShape = try c.decodeIfPresent(ImageShape.self, forKey: .imageShape)
  }

  /// Throws a `DatasetError` for out-of-range fractions or augmentation settings.
  public func validate() throws {
    try split.validate()
    guard validationFraction >= 0, validationFraction < 1 else {
      throw DatasetError("validation fraction must be in [0, 1), got \(validationFraction)")
    }
    try augmentation.validate()
    if let imageShape, imageShape.height < 1 || imageShape.width < 1 || imageShape.channels < 1 {
      throw DatasetError("image shape \(imageShape) must have positive sides")
    }
  }
}

extension DatasetOptions {
  /// Classification, regression, or decided from the data.
  public enum TaskKind: String, Codable, Sendable, CaseIterable {
    /// Regression for a CSV label column named `target` (unless classes.txt is beside the file), else classification.
    case automatic
    /// Class labels (integers or strings).
    case classification
    /// Real-valued targets.
    case regression
  }

  /// What to do with empty or non-numeric feature cells.
  public enum Imputation: String, Codable, Sendable, CaseIterable {
    /// Report them as errors (file, line, column).
    case none
    /// Replace them with the feature's mean over the training split.
    case mean
  }

  /// A CSV field separator.
  public enum Delimiter: String, Codable, Sendable, CaseIterable {
    /// `,`
    case comma = ","
    /// `;`
    case semicolon = ";"
    /// A tab character.
    case tab = "\t"
    /// `|`
    case pipe = "|"

    /// The separator byte.
    var byte: UInt8 { rawValue.utf8.first ?? UInt8(ascii: ",") }
  }
}
