import Foundation

/// Reads the TOML that config files use: one `key = value` per line, where a value is a string
/// (`"…"` with escapes, or `'…'`), a number (TOML's integers with `_`, `0x`/`0o`/`0b`, floats,
/// `inf`, `nan`) or a boolean; `#` comments and blank lines; `[[model.layers]]` and `[[change]]`
/// array-of-tables headers, after which keys belong to that table (as TOML has it); and a search's
/// `[space]` table, whose values may be one-line inline tables and arrays of those scalars
/// (`lr = { log-uniform = [1e-4, 1e-1] }`). Anything else (other
/// tables, arrays, dotted keys, multi-line strings) is an error naming the line, never a crash: the
/// bundled C++ parser of TOMLKit aborted on inputs our fuzzer made, and config files need none of the rest.
enum TOMLReader {
  /// The array of tables for a layer stack, and the key its tables are returned under.
  static let layersKey = "model.layers"
  /// The array of tables for scheduled changes (`ChangeTable`).
  static let changesKey = "change"
  /// The arrays of tables config files may use.
  static let tableKeys = [layersKey, changesKey]
  /// A search's `[space]` table (one table, returned as a one-element `[Table]`).
  static let spaceKey = "space"

  /// One `[[model.layers]]` or `[[change]]` table: where its header is, and its keys.
  struct Table {
    let line: Int
    var values: [String: Any] = [:]
    /// The line of each key (for messages about its value).
    var keyLines: [String: Int] = [:]
  }

  /// A problem at a 1-based line.
  struct Problem: Error {
    let line: Int
    let message: String
  }

  /// The key/value pairs of `text`, values as `String`, `Double` or `Bool`; each array's tables,
  /// in order, as `[Table]` under its key (`layersKey`, `changesKey`).
  static func parse(_ text: String) throws(Problem) -> [String: Any] {
    var lines: [String: Int] = [:]
    return try parse(text, keyLines: &lines)
  }

  /// As `parse(_:)`, also giving the line of each top-level key (for messages about its value).
  static func parse(_ text: String, keyLines: inout [String: Int]) throws(Problem) -> [String: Any] {
    var result: [String: Any] = [:]
    var tables: [(key: String, table: Table)] = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = index + 1
      var cursor = Cursor(Array(raw.unicodeScalars))
      cursor.skipSpaces()
      if cursor.atEnd || cursor.peek == "#" { continue }
      if cursor.peek == "[" {
        tables.append((try cursor.tableHeader(line: line), Table(line: line)))
        continue
      }
      let key = try cursor.key(line: line)
      cursor.skipSpaces()
      guard cursor.take("=") else { throw Problem(line: line, message: "expected '=' after the key '\(key)'") }
      cursor.skipSpaces()
      let inSpace = tables.last?.key == spaceKey
      let value = inSpace ? try cursor.compound(line: line, key: key) : try cursor.value(line: line, key: key)
      cursor.skipSpaces()
      guard cursor.atEnd || cursor.peek == "#" else {
        throw Problem(line: line, message: "unexpected text after the value of '\(key)'")
      }
      if let last = tables.indices.last {
        guard tables[last].table.values[key] == nil else {
          throw Problem(
            line: line, message: "key '\(key)' is given twice in the table of line \(tables[last].table.line)")
        }
        tables[last].table.values[key] = value
        tables[last].table.keyLines[key] = line
        continue
      }
      guard result[key] == nil else { throw Problem(line: line, message: "key '\(key)' is given twice") }
      result[key] = value
      keyLines[key] = line
    }
    if tables.filter({ $0.key == spaceKey }).count > 1 {
      throw Problem(line: tables.last { $0.key == spaceKey }?.table.line ?? 0, message: "[space] is given twice")
    }
    for key in tableKeys + [spaceKey] where tables.contains(where: { $0.key == key }) {
      result[key] = tables.filter { $0.key == key }.map(\.table)
    }
    return result
  }

  /// A position in one line.
  private struct Cursor {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) {
      // A CRLF file leaves a carriage return at the end of each line.
      self.scalars = scalars.last == "\r" ? Array(scalars.dropLast()) : scalars
    }

    var atEnd: Bool { index >= scalars.count }
    var peek: Unicode.Scalar? { atEnd ? nil : scalars[index] }

    mutating func skipSpaces() {
      while let s = peek, s == " " || s == "\t" { index += 1 }
    }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
      guard peek == scalar else { return false }
      index += 1
      return true
    }

    /// `[[model.layers]]` or `[[change]]` (spaces allowed inside the brackets, a comment after), as
    /// its key; any other header is an error.
    mutating func tableHeader(line: Int) throws(Problem) -> String {
      let rest = String(String.UnicodeScalarView(scalars[index...]))
      let text = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed.replacingOccurrences(of: " ", with: "") == "[\(TOMLReader.spaceKey)]" {
        index = scalars.count
        return TOMLReader.spaceKey
      }
      let inner = trimmed.hasPrefix("[[") && trimmed.hasSuffix("]]") ? trimmed.dropFirst(2).dropLast(2) : nil
      let key = inner?.trimmingCharacters(in: .whitespaces) ?? ""
      guard TOMLReader.tableKeys.contains(key) else {
        throw Problem(
          line: line,
          message: "only [[model.layers]], [[change]] and a search's [space] tables are supported; "
            + "write every other option as key = value")
      }
      index = scalars.count
      return key
    }

    /// A bare key (`A-Za-z0-9_-`) or a quoted one.
    mutating func key(line: Int) throws(Problem) -> String {
      if peek == "\"" || peek == "'" { return try string(line: line) }
      var key = ""
      while let s = peek,
        ("0"..."9").contains(s) || ("a"..."z").contains(s) || ("A"..."Z").contains(s)
          || s == "_" || s == "-"
      {
        key.unicodeScalars.append(s)
        index += 1
      }
      guard !key.isEmpty else { throw Problem(line: line, message: "expected a key") }
      if peek == "." { throw Problem(line: line, message: "dotted keys are not supported ('\(key).…')") }
      return key
    }

    mutating func value(line: Int, key: String, stops: Set<Unicode.Scalar> = []) throws(Problem) -> Any {
      guard let first = peek else { throw Problem(line: line, message: "key '\(key)' has no value") }
      switch first {
      case "\"", "'": return try string(line: line)
      case "[", "{":
        throw Problem(
          line: line, message: "key '\(key)': arrays and tables are not supported; expected a string, number or boolean"
        )
      default:
        var word = ""
        while let s = peek, s != " ", s != "\t", s != "#", !stops.contains(s) {
          word.unicodeScalars.append(s)
          index += 1
        }
        if word == "true" { return true }
        if word == "false" { return false }
        guard let number = Self.number(word) else {
          throw Problem(line: line, message: "key '\(key)': expected a string, number or boolean, found '\(word)'")
        }
        return number
      }
    }

    /// A `[space]` value: a scalar, an inline table `{ k = v, … }` (as `[String: Any]`) or an
    /// array `[v, …]` (as `[Any]`) of scalars, on one line.
    mutating func compound(line: Int, key: String) throws(Problem) -> Any {
      skipSpaces()
      if take("[") {
        var items: [Any] = []
        skipSpaces()
        if take("]") { return items }
        while true {
          items.append(try value(line: line, key: key, stops: [",", "]"]))
          skipSpaces()
          if take("]") { return items }
          guard take(",") else { throw Problem(line: line, message: "key '\(key)': expected ',' or ']' in the list") }
          skipSpaces()
        }
      }
      if take("{") {
        var table: [String: Any] = [:]
        skipSpaces()
        if take("}") { return table }
        while true {
          let name = try self.key(line: line)
          skipSpaces()
          guard take("=") else { throw Problem(line: line, message: "key '\(key)': expected '=' after '\(name)'") }
          skipSpaces()
          guard table[name] == nil else { throw Problem(line: line, message: "key '\(key)': '\(name)' is given twice") }
          table[name] =
            peek == "[" ? try compound(line: line, key: key) : try value(line: line, key: key, stops: [",", "}"])
          skipSpaces()
          if take("}") { return table }
          guard take(",") else { throw Problem(line: line, message: "key '\(key)': expected ',' or '}' in the table") }
          skipSpaces()
        }
      }
      return try value(line: line, key: key)
    }

    /// A TOML number: decimal with `_` between digits, `0x`/`0o`/`0b` integers, `inf`, `nan`.
    static func number(_ word: String) -> Double? {
      let sign: Double = word.hasPrefix("-") ? -1 : 1
      let unsigned = word.hasPrefix("-") || word.hasPrefix("+") ? String(word.dropFirst()) : word
      if unsigned == "inf" { return sign * .infinity }
      if unsigned == "nan" { return .nan }
      for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where unsigned.hasPrefix(prefix) {
        return UInt64(unsigned.dropFirst(2).replacingOccurrences(of: "_", with: ""), radix: radix).map {
          sign * Double($0)
        }
      }
      let digits = Array(unsigned)
      for (i, c) in digits.enumerated() where c == "_" {
        guard i > 0, i + 1 < digits.count, digits[i - 1].isNumber, digits[i + 1].isNumber else { return nil }
      }
      let plain = unsigned.replacingOccurrences(of: "_", with: "")
      guard let first = plain.first, first.isNumber, plain.allSatisfy({ "0123456789.eE+-".contains($0) }) else {
        return nil
      }
      return Double(plain).map { sign * $0 }
    }

    /// A one-line basic (`"…"`, with escapes) or literal (`'…'`) string.
    mutating func string(line: Int) throws(Problem) -> String {
      let quote = scalars[index]
      index += 1
      if peek == quote, index + 1 < scalars.count, scalars[index + 1] == quote {
        throw Problem(line: line, message: "multi-line strings are not supported")
      }
      var text = ""
      while let s = peek {
        index += 1
        if s == quote { return text }
        if s == "\\" && quote == "\"" {
          text.unicodeScalars.append(try escape(line: line))
        } else {
          text.unicodeScalars.append(s)
        }
      }
      throw Problem(line: line, message: "the string is not closed")
    }

    mutating func escape(line: Int) throws(Problem) -> Unicode.Scalar {
      guard let s = peek else { throw Problem(line: line, message: "the string is not closed") }
      index += 1
      switch s {
      case "n": return "\n"
      case "t": return "\t"
      case "r": return "\r"
      case "b": return "\u{8}"
      case "f": return "\u{C}"
      case "\"", "\\": return s
      case "u", "U":
        let count = s == "u" ? 4 : 8
        guard index + count <= scalars.count,
          let value = UInt32(String(String.UnicodeScalarView(scalars[index..<(index + count)])), radix: 16),
          let scalar = Unicode.Scalar(value)
        else { throw Problem(line: line, message: "bad \\\(s) escape") }
        index += count
        return scalar
      default: throw Problem(line: line, message: "unknown escape \\\(s)")
      }
    }
  }
}
