import Foundation

/// The JSON coders traintop uses for configs, checkpoint metadata and logs.
///
/// Non-finite numbers are written as the strings `"NaN"`, `"Infinity"` and `"-Infinity"`
/// (the oracles' convention), so a NaN loss or an infinite best value never breaks encoding.
/// Keys are sorted so files are deterministic.
public enum TrainingJSON {
  /// An encoder with sorted keys and string non-finite numbers; `pretty` adds indentation.
  public static func encoder(pretty: Bool = false) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted] : [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return encoder
  }

  /// A decoder reading what `encoder` writes.
  public static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return decoder
  }

  /// Encodes `value` as a compact UTF-8 JSON string (for checkpoint metadata).
  public static func string<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encoder().encode(value), as: UTF8.self)
  }

  /// Decodes a value from a JSON string written by `string(_:)`.
  public static func value<T: Decodable>(_ type: T.Type, from string: String) throws -> T {
    try decoder().decode(type, from: Data(string.utf8))
  }
}
