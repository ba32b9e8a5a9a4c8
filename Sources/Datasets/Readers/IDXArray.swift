/// One array read from an IDX file: element type, big-endian dimensions, and the values.
///
/// Format: two zero bytes, a type code, the number of dimensions, then each dimension as a
/// big-endian UInt32, then the values in row-major order, big-endian.
/// Unsigned bytes stay `[UInt8]` (MNIST images keep 1 byte per pixel in memory).
struct IDXArray: Sendable {
  /// The element type named by the third magic byte.
  enum ElementType: UInt8, Sendable {
    case uint8 = 0x08
    case int8 = 0x09
    case int16 = 0x0B
    case int32 = 0x0C
    case float32 = 0x0D
    case float64 = 0x0E

    /// Bytes per element.
    var size: Int {
      switch self {
      case .uint8, .int8: return 1
      case .int16: return 2
      case .int32, .float32: return 4
      case .float64: return 8
      }
    }

    /// True for the integer types.
    var isInteger: Bool { self != .float32 && self != .float64 }
  }

  /// The values, in the element type's natural storage.
  enum Values: Sendable {
    /// Unsigned bytes, kept as they are.
    case bytes([UInt8])
    /// Any other type, widened to Double (exact for every IDX type).
    case numbers([Double])
  }

  var elementType: ElementType
  /// The dimensions, outermost (the sample count) first.
  var dimensions: [Int]
  /// The elements, `dimensions.reduce(1, *)` of them.
  var values: Values

  /// The number of elements in each sample: the product of all dimensions but the first.
  var sampleSize: Int { dimensions.dropFirst().reduce(1, *) }

  /// Parses a whole (already decompressed) IDX file; `file` names it in errors.
  init(parsing bytes: [UInt8], file: String) throws {
    let header = try IDXArray.header(bytes, file: file)
    elementType = header.type
    dimensions = header.dimensions
    let count = dimensions.reduce(1, *)
    let expected = count * elementType.size
    let available = bytes.count - header.size
    guard available == expected else {
      let shape = dimensions.map(String.init).joined(separator: "x")
      let relation = available < expected ? "shorter than" : "longer than"
      throw DatasetError(
        file: file,
        "the data is \(relation) the header says: a \(shape) array of \(elementType) needs "
          + "\(expected) bytes after the \(header.size)-byte header, found \(available)")
    }
    values = IDXArray.decode(bytes, from: header.size, count: count, type: elementType)
  }

  /// Reads and checks the magic number and dimensions.
  private static func header(
    _ bytes: [UInt8], file: String
  ) throws -> (type: ElementType, dimensions: [Int], size: Int) {
    guard bytes.count >= 4 else {
      throw DatasetError(
        file: file, "is not an IDX file: it has only \(bytes.count) bytes, less than the 4-byte magic number")
    }
    let magic = bytes[0..<4].map { String($0, radix: 16).leftPadded(to: 2) }.joined(separator: " ")
    guard bytes[0] == 0, bytes[1] == 0, let type = ElementType(rawValue: bytes[2]), bytes[3] > 0 else {
      throw DatasetError(
        file: file,
        "is not an IDX file: wrong magic number \(magic); expected 00 00, a type code "
          + "(08 u8, 09 i8, 0b i16, 0c i32, 0d f32, 0e f64), then the number of dimensions")
    }
    let rank = Int(bytes[3])
    let size = 4 + 4 * rank
    guard bytes.count >= size else {
      throw DatasetError(
        file: file, "the header is truncated: \(rank) dimensions need \(size) header bytes, the file has \(bytes.count)"
      )
    }
    let dimensions = (0..<rank).map { readUInt32(bytes, at: 4 + 4 * $0) }
    var elements = 1
    for dimension in dimensions {
      let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
      guard !overflow, product <= Int(Int32.max) * 8 else {
        throw DatasetError(file: file, "the header gives implausible dimensions \(dimensions)")
      }
      elements = product
    }
    return (type, dimensions, size)
  }

  private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> Int {
    Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
  }

  /// Converts the big-endian payload to values.
  private static func decode(_ bytes: [UInt8], from start: Int, count: Int, type: ElementType) -> Values {
    if type == .uint8 { return .bytes(Array(bytes[start..<(start + count)])) }
    var result = [Double](repeating: 0, count: count)
    bytes.withUnsafeBufferPointer { source in
      result.withUnsafeMutableBufferPointer { out in
        for i in 0..<count {
          let offset = start + i * type.size
          var bits: UInt64 = 0
          for k in 0..<type.size { bits = bits << 8 | UInt64(source[offset + k]) }
          out[i] = value(bits, type)
        }
      }
    }
    return .numbers(result)
  }

  /// Interprets big-endian `bits` as one element of `type`.
  private static func value(_ bits: UInt64, _ type: ElementType) -> Double {
    switch type {
    case .uint8: return Double(bits)
    case .int8: return Double(Int8(truncatingIfNeeded: bits))
    case .int16: return Double(Int16(truncatingIfNeeded: bits))
    case .int32: return Double(Int32(truncatingIfNeeded: bits))
    case .float32: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
    case .float64: return Double(bitPattern: bits)
    }
  }
}

extension String {
  /// The string with leading zeros added up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: Swift.max(0, width - count)) + self
  }
}
