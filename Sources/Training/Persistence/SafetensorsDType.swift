/// The safetensors element types this reader accepts; all are converted to Float32 on reading.
///
/// Writing always uses `F32`.
public enum SafetensorsDType: String, CaseIterable, Sendable {
  /// 32-bit IEEE float (traintop's own tensors).
  case float32 = "F32"
  /// 64-bit IEEE float, rounded to Float32.
  case float64 = "F64"
  /// bfloat16 (the upper half of a Float32).
  case bfloat16 = "BF16"
  /// Signed 64-bit integer.
  case int64 = "I64"
  /// Signed 32-bit integer.
  case int32 = "I32"
  /// Signed 16-bit integer.
  case int16 = "I16"
  /// Signed 8-bit integer.
  case int8 = "I8"
  /// Unsigned 8-bit integer.
  case uint8 = "U8"
  /// Boolean, one byte (0 or 1).
  case bool = "BOOL"

  /// Bytes per element.
  public var size: Int {
    switch self {
    case .float64, .int64: return 8
    case .float32, .int32: return 4
    case .bfloat16, .int16: return 2
    case .int8, .uint8, .bool: return 1
    }
  }

  /// Reads element `index` of a little-endian buffer as a Float.
  func element(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Float {
    let offset = index * size
    func load<T: FixedWidthInteger>(_ type: T.Type) -> T {
      T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
    switch self {
    case .float32: return Float(bitPattern: load(UInt32.self))
    case .float64: return Float(Double(bitPattern: load(UInt64.self)))
    case .bfloat16: return Float(bitPattern: UInt32(load(UInt16.self)) << 16)
    case .int64: return Float(load(Int64.self))
    case .int32: return Float(load(Int32.self))
    case .int16: return Float(load(Int16.self))
    case .int8: return Float(load(Int8.self))
    case .uint8, .bool: return Float(load(UInt8.self))
    }
  }
}
