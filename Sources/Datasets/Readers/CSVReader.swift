import Foundation

/// Reads a CSV file into a `RawDataset`: header and delimiter detection, label column, class ids or targets.
///
/// Class ids: integer labels (`0`, `1.0`, ...) are the ids themselves and must be >= 0; a
/// `classes.txt` next to the file names them (and labels may then also be those names).
/// Other string labels get ids in sorted (Unicode) order, so the mapping does not depend on row order.
struct CSVReader {
  /// The file.
  let url: URL
  /// The options (label column, delimiter, header, task, impute, image shape).
  let options: DatasetOptions
  /// The dataset's name.
  let name: String

  /// The file's path, for errors.
  var file: String { url.path }

  /// The columns as read: names, and which one is the label.
  struct Layout {
    var names: [String]
    var hasHeader: Bool
    var labelColumn: Int
    var headerLine: Int
  }

  /// The data rows as read: features (NaN where missing), raw label texts and their lines.
  struct Rows {
    var features: [Float] = []
    var labels: [String] = []
    var lines: [Int] = []
    var missing = 0
  }

  /// Reads and checks the whole file.
  func read() throws -> RawDataset {
    let bytes = try FileReader.decompressedBytes(at: url)
    guard bytes.dropFirst(CSVParser.hasBOM(bytes) ? 3 : 0).contains(where: { !isWhitespace($0) }) else {
      throw DatasetError(file: file, "the file is empty; expected an optional header row, then one row per sample")
    }
    let delimiter = options.delimiter?.byte ?? CSVParser.detectDelimiter(bytes)
    var parser = CSVParser(bytes: bytes, delimiter: delimiter, file: file)
    var fields: [CSVParser.Field] = []
    guard let firstLine = try parser.next(into: &fields) else {
      throw DatasetError(file: file, "the file is empty; expected an optional header row, then one row per sample")
    }
    let layout = try makeLayout(parser: parser, first: fields, line: firstLine)
    var rows = Rows()
    if !layout.hasHeader { try append(fields, line: firstLine, parser: parser, layout: layout, to: &rows) }
    while let line = try parser.next(into: &fields) {
      try append(fields, line: line, parser: parser, layout: layout, to: &rows)
    }
    guard !rows.lines.isEmpty else {
      throw DatasetError(file: file, "has only a header row (line \(layout.headerLine)) and no data rows")
    }
    return try makeRaw(layout: layout, rows: rows)
  }

  private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Decides the header and the label column from the first record.
  private func makeLayout(parser: CSVParser, first: [CSVParser.Field], line: Int) throws -> Layout {
    let hasHeader = options.hasHeader ?? isHeader(first, parser: parser)
    let names = hasHeader ? first.map { parser.string($0) } : (1...first.count).map { "column_\($0)" }
    guard names.count >= 2 else {
      throw DatasetError(
        file: file, line: line,
        "found 1 column; expected at least one feature column and a label column "
          + "(is the delimiter right? detected '\(String(decoding: [parser.delimiter], as: UTF8.self))')")
    }
    let label = try labelColumn(names: names, hasHeader: hasHeader, line: line)
    return Layout(names: names, hasHeader: hasHeader, labelColumn: label, headerLine: line)
  }

  /// A first row with at least one non-empty field and no numbers is a header.
  private func isHeader(_ fields: [CSVParser.Field], parser: CSVParser) -> Bool {
    var sawText = false
    for field in fields {
      switch parser.number(field) {
      case .number, .nonFinite: return false
      case .invalid: sawText = true
      case .missing: continue
      }
    }
    return sawText
  }

  /// The 0-based index of the label column.
  private func labelColumn(names: [String], hasHeader: Bool, line: Int) throws -> Int {
    switch options.labelColumn {
    case .index(let index):
      let resolved = index < 0 ? names.count + index : index
      guard resolved >= 0, resolved < names.count else {
        throw DatasetError(
          file: file, line: line,
          "label column index \(index) is out of range: the file has \(names.count) columns "
            + "(0...\(names.count - 1), or -1 for the last)")
      }
      return resolved
    case .name(let wanted):
      guard hasHeader else {
        throw DatasetError(
          file: file, line: line, "label column '\(wanted)' is given by name, but the file has no header row")
      }
      if let exact = names.firstIndex(of: wanted) { return exact }
      if let loose = names.firstIndex(where: { $0.lowercased() == wanted.lowercased() }) { return loose }
      throw DatasetError(
        file: file, line: line,
        "label column '\(wanted)' not found; the columns are: \(names.joined(separator: ", "))")
    case nil:
      let preferred = ["label", "target", "class"]
      return names.firstIndex { preferred.contains($0.lowercased()) } ?? names.count - 1
    }
  }

  /// Checks one data record and appends its features and label.
  private func append(
    _ fields: [CSVParser.Field], line: Int, parser: CSVParser, layout: Layout, to rows: inout Rows
  ) throws {
    guard fields.count == layout.names.count else {
      throw DatasetError(
        file: file, line: line, "expected \(layout.names.count) fields, found \(fields.count)")
    }
    for (column, field) in fields.enumerated() where column != layout.labelColumn {
      switch parser.number(field) {
      case .number(let value):
        rows.features.append(value)
      case .missing, .invalid, .nonFinite:
        guard options.impute == .mean else { throw badValue(parser.number(field), line, column, layout) }
        rows.features.append(.nan)
        rows.missing += 1
      }
    }
    rows.labels.append(parser.string(fields[layout.labelColumn]))
    rows.lines.append(line)
  }

  /// The error for a feature cell that is not a finite number.
  private func badValue(_ value: CSVParser.NumberValue, _ line: Int, _ column: Int, _ layout: Layout) -> DatasetError {
    let hint = "; or set impute to mean to fill such cells with the training mean"
    let reason: String
    switch value {
    case .missing: reason = "missing value; expected a number" + hint
    case .nonFinite(let text): reason = "expected a finite number, found \"\(text)\"" + hint
    case .invalid(let text): reason = "expected a number, found \"\(text)\"" + hint
    case .number: reason = "unexpected number"
    }
    return DatasetError(
      file: file, line: line, column: column + 1,
      columnName: layout.hasHeader ? layout.names[column] : nil, reason)
  }
}
