import Foundation

// MARK: - Labels, targets and the raw dataset

extension CSVReader {
  /// Turns the parsed rows into a raw dataset: decides the task, maps labels, checks the image shape.
  func makeRaw(layout: Layout, rows: Rows) throws -> RawDataset {
    let classNames = try ClassNamesFile.read(in: url.deletingLastPathComponent())
    let featureCount = layout.names.count - 1
    let count = rows.lines.count
    let featureNames = layout.names.indices.filter { $0 != layout.labelColumn }.map { layout.names[$0] }
    var block = SampleBlock(
      features: .floats(rows.features), featureCount: featureCount, labels: [], targets: [], count: count)
    let task: DatasetTask
    if isRegression(layout: layout, classNames: classNames) {
      block.targets = try targets(rows, layout: layout)
      task = .regression(outputs: 1)
    } else {
      let mapped = try classIDs(rows, layout: layout, classNames: classNames)
      block.labels = mapped.ids
      task = .classification(classNames: mapped.names)
    }
    if let shape = options.imageShape, shape.featureCount != featureCount {
      throw DatasetError(
        file: file, "image shape \(shape) needs \(shape.featureCount) features per row, the file has \(featureCount)")
    }
    return RawDataset(
      name: name, task: task, featureNames: featureNames, imageShape: options.imageShape, train: block,
      test: nil, missingCount: rows.missing, file: file)
  }

  /// Regression when asked, or (automatic) when the label column is named `target` and there is no classes.txt.
  private func isRegression(layout: Layout, classNames: [String]?) -> Bool {
    switch options.task {
    case .regression: return true
    case .classification: return false
    case .automatic:
      return layout.hasHeader && layout.names[layout.labelColumn].lowercased() == "target" && classNames == nil
    }
  }

  /// The label column read as finite numbers.
  private func targets(_ rows: Rows, layout: Layout) throws -> [Float] {
    try zip(rows.labels, rows.lines).map { text, line in
      guard let value = Float(text), value.isFinite else {
        throw DatasetError(
          file: file, line: line, column: layout.labelColumn + 1,
          columnName: layout.hasHeader ? layout.names[layout.labelColumn] : nil,
          text.isEmpty
            ? "missing regression target; expected a number"
            : "expected a finite number as regression target, found \"\(text)\"")
      }
      return value
    }
  }

  /// Class ids and names: integer labels are ids; names from classes.txt; other strings in sorted order.
  private func classIDs(_ rows: Rows, layout: Layout, classNames: [String]?) throws -> (ids: [Int32], names: [String]) {
    let integers = rows.labels.map(integerLabel)
    let error = LabelErrors(file: file, rows: rows, layout: layout)
    if let empty = rows.labels.firstIndex(where: \.isEmpty) { throw error.at(empty, "missing label") }
    if let names = classNames {
      let lookup = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
      let ids = try rows.labels.indices.map { i -> Int32 in
        if let id = integers[i] {
          guard id >= 0, id < names.count else {
            throw error.at(
              i,
              "label \(id) is out of range: expected 0...\(names.count - 1) (classes.txt lists \(names.count) classes)")
          }
          return Int32(id)
        }
        guard let id = lookup[rows.labels[i]] else {
          throw error.at(i, "label \"\(rows.labels[i])\" is not a class id or a name listed in classes.txt")
        }
        return Int32(id)
      }
      return (ids, names)
    }
    if integers.allSatisfy({ $0 != nil }) {
      return try integerClasses(integers.map { $0 ?? 0 }, error: error)
    }
    let names = Set(rows.labels).sorted()
    guard names.count <= DatasetLimits.maximumClasses else {
      throw error.at(0, "\(names.count) distinct labels; at most \(DatasetLimits.maximumClasses) classes")
    }
    let lookup = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
    return (rows.labels.map { lookup[$0] ?? 0 }, names)
  }

  /// Integer labels without classes.txt: ids are the values, names "0"..."max".
  private func integerClasses(_ values: [Int], error: LabelErrors) throws -> (ids: [Int32], names: [String]) {
    if let negative = values.firstIndex(where: { $0 < 0 }) {
      throw error.at(negative, "label \(values[negative]) is negative; class ids must be 0 or more")
    }
    let top = values.max() ?? 0
    guard top < DatasetLimits.maximumClasses else {
      throw error.at(
        values.firstIndex(of: top) ?? 0,
        "labels must be 0…K−1 or names; '\(top)' would mean \(UInt(top) + 1) classes (at most "
          + "\(DatasetLimits.maximumClasses)); is this a regression target? (set task to regression)")
    }
    return (values.map { Int32($0) }, (0...top).map(String.init))
  }

  /// `3`, `3.0` → 3; anything else → nil.
  private func integerLabel(_ text: String) -> Int? {
    if let value = Int(text) { return value }
    guard let value = Double(text), value.isFinite, value == value.rounded(), abs(value) < 1e9 else { return nil }
    return Int(value)
  }
}

/// Builds errors that point at a row's label cell.
private struct LabelErrors {
  let file: String
  let rows: CSVReader.Rows
  let layout: CSVReader.Layout

  /// The error at data row `index`.
  func at(_ index: Int, _ reason: String) -> DatasetError {
    DatasetError(
      file: file, line: rows.lines[index], column: layout.labelColumn + 1,
      columnName: layout.hasHeader ? layout.names[layout.labelColumn] : nil, reason)
  }
}
