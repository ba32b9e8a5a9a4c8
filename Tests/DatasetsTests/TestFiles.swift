import Foundation
import TestSupport

/// Helpers that write fixture files (CSV text, IDX arrays, gzip) into a temporary folder.
struct TestFiles {
  /// The temporary folder (remove it with `remove()`).
  let directory: URL

  /// A fresh temporary folder.
  init() throws {
    directory = try Fixtures.temporaryDirectory("traintop-datasets")
  }

  /// Deletes the folder.
  func remove() {
    try? FileManager.default.removeItem(at: directory)
  }

  /// The path of `name` inside the folder.
  func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

  /// Writes `bytes` to `name` (creating sub-folders) and returns its URL.
  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> URL {
    let target = url(name)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: target)
    return target
  }

  /// Writes UTF-8 `text` to `name` and returns its URL.
  @discardableResult
  func write(_ name: String, text: String) throws -> URL {
    try write(name, bytes: Array(text.utf8))
  }

  /// An IDX file: magic `00 00 type rank`, big-endian dimensions, then `payload` as given.
  static func idx(type: UInt8, dimensions: [Int], payload: [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
    for d in dimensions { bytes += [UInt8(d >> 24 & 255), UInt8(d >> 16 & 255), UInt8(d >> 8 & 255), UInt8(d & 255)] }
    return bytes + payload
  }

  /// A valid gzip file holding `data` in stored (uncompressed) deflate blocks, with its CRC-32 and size.
  static func gzip(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]
    var offset = 0
    repeat {
      let length = min(65535, data.count - offset)
      let final: UInt8 = offset + length == data.count ? 1 : 0
      out += [final, UInt8(length & 255), UInt8(length >> 8), UInt8(~length & 255), UInt8((~length >> 8) & 255)]
      out += data[offset..<(offset + length)]
      offset += length
    } while offset < data.count
    return out + littleEndian(crc32(data)) + littleEndian(UInt32(truncatingIfNeeded: data.count))
  }

  private static func littleEndian(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) }
  }

  /// CRC-32 (IEEE, reflected, as in gzip).
  static func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
