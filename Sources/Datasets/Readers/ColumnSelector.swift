/// A CSV column chosen by header name or by 0-based index (negative counts from the end: -1 is the last).
public enum ColumnSelector: Codable, Sendable, Equatable, CustomStringConvertible {
  /// The column whose header is this name (exact match first, then ignoring case).
  case name(String)
  /// The column at this 0-based index; -1 is the last column.
  case index(Int)

  /// An integer argument is an index, anything else a name.
  public init(argument: String) {
    if let index = Int(argument) { self = .index(index) } else { self = .name(argument) }
  }

  /// Decodes an integer (index) or a string (name).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let index = try? container.decode(Int.self) {
      self = .index(index)
    } else {
      self = .name(try container.decode(String.self))
    }
  }

  /// Encodes an index as an integer and a name as a string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .name(let name): try container.encode(name)
    case .index(let index): try container.encode(index)
    }
  }

  /// `"species"` or `#3`.
  public var description: String {
    switch self {
    case .name(let name): return "'\(name)'"
    case .index(let index): return "index \(index)"
    }
  }
}
