/// TFRecord framing, the container of TensorBoard event files.
///
/// Each record is `uint64 length`, `uint32 masked CRC-32C of the length`, the data, and
/// `uint32 masked CRC-32C of the data`, all little-endian.
enum TFRecord {
  /// `data` framed as one record, appended to `output`.
  static func append(_ data: [UInt8], to output: inout [UInt8]) {
    let length = littleEndianBytes(UInt64(data.count))
    output += length
    output += littleEndianBytes(CRC32C.masked(length))
    output += data
    output += littleEndianBytes(CRC32C.masked(data))
  }

  /// The little-endian bytes of an unsigned integer.
  private static func littleEndianBytes<T: FixedWidthInteger & UnsignedInteger>(_ value: T) -> [UInt8] {
    (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
  }
}
