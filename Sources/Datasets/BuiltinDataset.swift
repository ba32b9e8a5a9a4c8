import Foundation

/// The datasets shipped in `datasets/` (see datasets/README.md for provenance and checksums).
public enum BuiltinDataset: String, CaseIterable, Codable, Sendable {
  /// Handwritten digits, 28x28 grey images, 60000 train + 10000 test, 10 classes.
  case mnist
  /// Fisher's iris flowers: 150 rows, 4 features, 3 classes.
  case iris
  /// Wine cultivars: 178 rows, 13 features, 3 classes.
  case wine
  /// 8x8 digit images as 64 features: 1797 rows, 10 classes.
  case digits
  /// Diabetes progression: 442 rows, 10 features, one regression target.
  case diabetes

  /// The folder of the dataset inside `datasetsDirectory`.
  public func folder(in datasetsDirectory: URL) -> URL {
    datasetsDirectory.appendingPathComponent(rawValue, isDirectory: true)
  }

  /// A short description of the kind of task.
  public var taskDescription: String {
    switch self {
    case .mnist: return "image classification"
    case .digits: return "tiny-image classification"
    case .iris, .wine: return "tabular classification"
    case .diabetes: return "tabular regression"
    }
  }

  /// Samples in the file(s): training file, then test file (nil when the data has no own test split).
  public var sampleCounts: (train: Int, test: Int?) {
    switch self {
    case .mnist: return (60000, 10000)
    case .iris: return (150, nil)
    case .wine: return (178, nil)
    case .digits: return (1797, nil)
    case .diabetes: return (442, nil)
    }
  }

  /// Values per sample.
  public var featureCount: Int {
    switch self {
    case .mnist: return 784
    case .iris: return 4
    case .wine: return 13
    case .digits: return 64
    case .diabetes: return 10
    }
  }

  /// The image layout for image datasets.
  public var imageShape: ImageShape? {
    switch self {
    case .mnist: return ImageShape(height: 28, width: 28)
    case .digits: return ImageShape(height: 8, width: 8)
    case .iris, .wine, .diabetes: return nil
    }
  }

  /// The class names (empty for regression).
  public var classNames: [String] {
    switch self {
    case .mnist, .digits: return (0..<10).map(String.init)
    case .iris: return ["setosa", "versicolor", "virginica"]
    case .wine: return ["class_0", "class_1", "class_2"]
    case .diabetes: return []
    }
  }

  /// The task as the trainer sees it.
  public var task: DatasetTask {
    self == .diabetes ? .regression(outputs: 1) : .classification(classNames: classNames)
  }

  /// One table row per built-in dataset, with a header row: name, task, samples, features, classes.
  public static func listingRows() -> [[String]] {
    var rows = [["name", "task", "samples", "features", "classes"]]
    for dataset in allCases {
      let counts = dataset.sampleCounts
      let samples = counts.test.map { "\(counts.train) train + \($0) test" } ?? "\(counts.train)"
      let features = dataset.imageShape.map { "\(dataset.featureCount) (\($0))" } ?? "\(dataset.featureCount)"
      let names = dataset.classNames
      let classes =
        names.isEmpty
        ? "- (1 target)" : names.first == "0" ? "\(names.count)" : "\(names.count) (\(names.joined(separator: ", ")))"
      rows.append([dataset.rawValue, dataset.taskDescription, samples, features, classes])
    }
    return rows
  }

  /// The `traintop datasets` table: aligned columns, one line per built-in dataset.
  public static func listing() -> String {
    let rows = listingRows()
    let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1 ? cell : cell.padding(toLength: widths[column] + 2, withPad: " ", startingAt: 0)
      }.joined()
    }.joined(separator: "\n")
  }
}
