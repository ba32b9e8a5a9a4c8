/// Where a dataset comes from.
public enum DatasetSource: Codable, Sendable, Equatable, CustomStringConvertible {
  /// One of the shipped datasets in `datasets/`.
  case builtin(BuiltinDataset)
  /// A folder (four MNIST-style IDX files, or one CSV file) or a CSV file; decided when loading.
  case path(String)
  /// A CSV file (gzip-compressed is fine).
  case csv(path: String)
  /// Explicit IDX files; without test files a test split is carved from the training files.
  case idxFiles(IDXFilePaths)

  /// A built-in name (`mnist`, `iris`, ... any case) or else a path.
  public init(argument: String) {
    if let builtin = BuiltinDataset(rawValue: argument.lowercased()) {
      self = .builtin(builtin)
    } else {
      self = .path(argument)
    }
  }

  /// The built-in name or the path, as a user would type it.
  public var description: String {
    switch self {
    case .builtin(let builtin): return builtin.rawValue
    case .path(let path), .csv(let path): return path
    case .idxFiles(let paths): return paths.trainImages
    }
  }
}

/// Explicit paths of MNIST-style IDX files (gzip or raw).
public struct IDXFilePaths: Codable, Sendable, Equatable {
  /// Training images (`[n, ...]`, any IDX type).
  public var trainImages: String
  /// Training labels (`[n]`, an integer IDX type).
  public var trainLabels: String
  /// Test images, or nil to carve a test split from the training files.
  public var testImages: String?
  /// Test labels, or nil with `testImages`.
  public var testLabels: String?

  /// Creates the set of paths.
  public init(trainImages: String, trainLabels: String, testImages: String? = nil, testLabels: String? = nil) {
    self.trainImages = trainImages
    self.trainLabels = trainLabels
    self.testImages = testImages
    self.testLabels = testLabels
  }
}
