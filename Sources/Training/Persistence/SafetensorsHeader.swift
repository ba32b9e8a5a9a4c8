import Foundation

/// The JSON header of a safetensors file: one entry per tensor plus an optional `__metadata__` map.
struct SafetensorsHeader: Decodable {
  /// One tensor's description.
  struct Entry: Decodable {
    let dtype: String
    let shape: [Int]
    let dataOffsets: [Int]

    private enum CodingKeys: String, CodingKey {
      case dtype, shape
      case dataOffsets = "data_offsets"
    }
  }

  static let metadataKey = "__metadata__"

  /// The tensors, in the order of their byte offsets.
  private(set) var entries: [(name: String, entry: Entry)] = []
  /// The string→string metadata (empty if absent).
  private(set) var metadata: [String: String] = [:]

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: NameKey.self)
    for key in container.allKeys {
      if key.stringValue == Self.metadataKey {
        metadata = try container.decode([String: String].self, forKey: key)
      } else {
        entries.append((key.stringValue, try container.decode(Entry.self, forKey: key)))
      }
    }
    entries.sort { ($0.entry.dataOffsets.first ?? 0, $0.name) < ($1.entry.dataOffsets.first ?? 0, $1.name) }
  }

  /// Parses the header bytes, naming `file` in errors.
  static func parse(_ bytes: UnsafeRawBufferPointer, file: String) throws -> SafetensorsHeader {
    guard bytes.first == UInt8(ascii: "{") else {
      throw SafetensorsError.invalidHeader(file: file, reason: "it does not start with '{'")
    }
    do {
      return try JSONDecoder().decode(SafetensorsHeader.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw SafetensorsError.invalidHeader(file: file, reason: Self.describe(error))
    }
  }

  /// A short reason for a decoding error: the key path and the decoder's message.
  private static func describe(_ error: DecodingError) -> String {
    let context: DecodingError.Context
    switch error {
    case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
      context = c
    @unknown default:
      return "\(error)"
    }
    let path = context.codingPath.map(\.stringValue).joined(separator: ".")
    return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
  }

  /// A JSON object key of any name.
  private struct NameKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
  }
}

extension String {
  /// This string as a JSON string literal, quotes included.
  var jsonQuoted: String {
    var result = "\""
    for scalar in unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        result +=
          "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
