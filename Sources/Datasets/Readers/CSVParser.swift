import Foundation

/// An RFC 4180 record reader over bytes: quoted fields with `""` escapes, CRLF/LF/CR line ends, UTF-8 BOM.
///
/// Fields are byte ranges into the buffer, so reading a large file allocates per record
/// only what the caller keeps. Blank lines are skipped. Line numbers are 1-based and
/// count every physical line (a quoted field may span several).
public struct CSVParser {
  /// One field of a record: a byte range plus how to read it.
  struct Field {
    /// First byte of the contents (after an opening quote).
    var start: Int
    /// One past the last byte of the contents (before a closing quote).
    var end: Int
    /// The field was quoted and holds `""` escapes to undo.
    var hasEscapes: Bool
  }

  /// How a field reads as a number.
  enum NumberValue {
    /// A finite number.
    case number(Float)
    /// Empty (or only spaces).
    case missing
    /// NaN or an infinity (the text is kept for the message).
    case nonFinite(String)
    /// Not a number (the text is kept for the message).
    case invalid(String)
  }

  /// The file's bytes.
  let bytes: [UInt8]
  /// The field separator.
  let delimiter: UInt8
  /// The file's path, for errors.
  let file: String
  /// The next byte to read.
  private(set) var position: Int
  /// The current 1-based line.
  private(set) var line = 1

  private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

  /// A reader of `bytes` (a leading UTF-8 BOM is skipped).
  init(bytes: [UInt8], delimiter: UInt8, file: String) {
    self.bytes = bytes
    self.delimiter = delimiter
    self.file = file
    position = CSVParser.hasBOM(bytes) ? 3 : 0
  }

  /// True when `bytes` starts with the UTF-8 byte order mark.
  static func hasBOM(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0xEF, 0xBB, 0xBF]) }

  /// Reads the next non-blank record into `fields` and returns its first line, or nil at the end of the file.
  mutating func next(into fields: inout [Field]) throws -> Int? {
    skipBlankLines()
    guard position < bytes.count else { return nil }
    let startLine = line
    fields.removeAll(keepingCapacity: true)
    while true {
      fields.append(try readField(recordLine: startLine, column: fields.count + 1))
      guard position < bytes.count else { return startLine }
      let byte = bytes[position]
      position += 1
      if byte == delimiter { continue }
      if byte == CSVParser.carriageReturn, position < bytes.count, bytes[position] == CSVParser.newline {
        position += 1
      }
      line += 1
      return startLine
    }
  }

  /// Skips empty lines (a line that holds only spaces is a record with one empty field).
  private mutating func skipBlankLines() {
    while position < bytes.count {
      let byte = bytes[position]
      guard byte == CSVParser.newline || byte == CSVParser.carriageReturn else { return }
      position += 1
      if byte == CSVParser.carriageReturn, position < bytes.count, bytes[position] == CSVParser.newline {
        position += 1
      }
      line += 1
    }
  }

  /// Reads one field, stopping before the delimiter or line end that follows it.
  private mutating func readField(recordLine: Int, column: Int) throws -> Field {
    var cursor = position
    while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
    if cursor < bytes.count, bytes[cursor] == CSVParser.quote {
      position = cursor + 1
      return try readQuotedField(recordLine: recordLine, column: column)
    }
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == delimiter || byte == CSVParser.newline || byte == CSVParser.carriageReturn { break }
      position += 1
    }
    return Field(start: start, end: position, hasEscapes: false)
  }

  /// Reads a quoted field after its opening quote, through the closing quote.
  private mutating func readQuotedField(recordLine: Int, column: Int) throws -> Field {
    let startLine = line
    let start = position
    var hasEscapes = false
    while true {
      guard position < bytes.count else {
        throw DatasetError(
          file: file, line: startLine, column: column,
          "quoted field is never closed; expected a closing \" before the end of the file")
      }
      let byte = bytes[position]
      if byte == CSVParser.newline { line += 1 }
      if byte == CSVParser.carriageReturn, position + 1 < bytes.count, bytes[position + 1] != CSVParser.newline {
        line += 1
      }
      if byte == CSVParser.quote {
        if position + 1 < bytes.count, bytes[position + 1] == CSVParser.quote {
          hasEscapes = true
          position += 2
          continue
        }
        let end = position
        position += 1
        try expectFieldEnd(line: line, column: column)
        return Field(start: start, end: end, hasEscapes: hasEscapes)
      }
      position += 1
    }
  }

  /// After a closing quote only spaces may come before the delimiter or the line end.
  private mutating func expectFieldEnd(line: Int, column: Int) throws {
    while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
    guard position < bytes.count else { return }
    let byte = bytes[position]
    guard byte == delimiter || byte == CSVParser.newline || byte == CSVParser.carriageReturn else {
      throw DatasetError(
        file: file, line: line, column: column,
        "unexpected text after a closing quote; expected the delimiter or the end of the line "
          + "(write a quote inside a quoted field as \"\")")
    }
  }

  /// The field's text, with surrounding spaces removed and `""` unescaped.
  func string(_ field: Field) -> String {
    var start = field.start
    var end = field.end
    while start < end, isPadding(bytes[start]) { start += 1 }
    while end > start, isPadding(bytes[end - 1]) { end -= 1 }
    let text = bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
    }
    return field.hasEscapes ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
  }

  /// Spaces, and tabs unless tab is the delimiter.
  private func isPadding(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || (byte == UInt8(ascii: "\t") && delimiter != UInt8(ascii: "\t"))
  }

  /// The field read as a number (locale-independent, `.` as the decimal point).
  func number(_ field: Field) -> NumberValue {
    let text = string(field)
    if text.isEmpty { return .missing }
    guard let value = Float(text) else { return .invalid(text) }
    return value.isFinite ? .number(value) : .nonFinite(text)
  }

  /// The most frequent of `,` `;` tab `|` outside quotes on the first non-blank line (`,` when none occurs).
  static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
    let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
    var counts = [Int](repeating: 0, count: candidates.count)
    var inQuotes = false
    var sawContent = false
    for byte in bytes.dropFirst(hasBOM(bytes) ? 3 : 0) {
      if byte == quote { inQuotes.toggle() }
      if !inQuotes, byte == newline || byte == carriageReturn {
        if sawContent { break } else { continue }
      }
      sawContent = true
      if !inQuotes, let k = candidates.firstIndex(of: byte) { counts[k] += 1 }
    }
    let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0
    return counts[best] > 0 ? candidates[best] : candidates[0]
  }
}

extension CSVParser {
  /// Every record of a small comma-separated text (traintop's own files, such as a search's
  /// trials.csv) as strings, with the 1-based line each starts on; a malformed quote throws
  /// `DatasetError` naming `file` and the line.
  public static func records(_ text: String, file: String) throws -> [(line: Int, fields: [String])] {
    var parser = CSVParser(bytes: Array(text.utf8), delimiter: UInt8(ascii: ","), file: file)
    var fields: [Field] = []
    var result: [(Int, [String])] = []
    while let line = try parser.next(into: &fields) { result.append((line, fields.map(parser.string))) }
    return result
  }
}
