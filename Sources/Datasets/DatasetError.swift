/// A problem with a dataset a user can act on: names the file, the line and column when known, and what was expected.
///
/// `description` reads like a compiler diagnostic, for example
/// `data/iris.csv:17: expected 5 fields, found 4` or
/// `data/iris.csv:3: column 2 (sepal_width_cm): expected a number, found "abc"`.
public struct DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file the problem is in, as it was opened; empty when the problem is not tied to a file.
  public var file: String
  /// The 1-based line (the header is line 1), when the problem is at a line.
  public var line: Int?
  /// The 1-based column, when the problem is in one field.
  public var column: Int?
  /// The column's header name, when there is a header.
  public var columnName: String?
  /// What is wrong and what was expected.
  public var reason: String

  /// Creates an error at `file` (and optionally a line and column).
  public init(
    file: String = "", line: Int? = nil, column: Int? = nil, columnName: String? = nil,
    _ reason: String
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
    self.reason = reason
  }

  /// The message shown to the user: `file:line: column N (name): reason`.
  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    if !text.isEmpty { text += ": " }
    if let column {
      text += "column \(column)"
      if let columnName, !columnName.isEmpty { text += " (\(columnName))" }
      text += ": "
    }
    return text + reason
  }
}
