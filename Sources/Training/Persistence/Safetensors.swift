import Foundation
import Tensor

/// Reads and writes the safetensors format (https://github.com/huggingface/safetensors).
///
/// ```
/// [8 bytes: header length N, little-endian u64]
/// [N bytes: JSON {"<name>": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, …,
///            "__metadata__": {"key": "value", …}}, padded with spaces to a multiple of 8]
/// [byte buffer: raw little-endian tensors, contiguous, no holes; offsets relative to its start]
/// ```
/// Writing sorts tensors by name (deterministic output) and always uses `F32`. Reading
/// accepts the dtypes of `SafetensorsDType`, converted to Float32, and validates every offset.
public enum Safetensors {
  /// The largest header the reference implementation accepts (100 MB).
  static let maxHeaderLength: UInt64 = 100_000_000

  /// The file bytes for `tensors` (sorted by name) and string `metadata` (omitted when empty).
  public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) -> Data {
    let names = tensors.keys.sorted()
    var entries: [String] = []
    if !metadata.isEmpty {
      let pairs = metadata.keys.sorted().map { "\($0.jsonQuoted):\((metadata[$0] ?? "").jsonQuoted)" }
      entries.append("\(SafetensorsHeader.metadataKey.jsonQuoted):{\(pairs.joined(separator: ","))}")
    }
    var offset = 0
    for name in names {
      let tensor = tensors[name] ?? Tensor(shape: [0])
      let end = offset + tensor.count * SafetensorsDType.float32.size
      let shape = tensor.shape.map(String.init).joined(separator: ",")
      entries.append(
        "\(name.jsonQuoted):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
      offset = end
    }
    var header = Array("{\(entries.joined(separator: ","))}".utf8)
    header.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (8 - header.count % 8) % 8))
    var data = Data(capacity: 8 + header.count + offset)
    withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
    data.append(contentsOf: header)
    for name in names { appendLittleEndian(tensors[name] ?? Tensor(shape: [0]), to: &data) }
    return data
  }

  /// Parses safetensors bytes into Float32 tensors and metadata; `file` names the source in errors.
  ///
  /// - Throws: `SafetensorsError` for a short file, a header length past the end, invalid JSON,
  ///   an unknown dtype, out-of-range, overlapping or gapped offsets, or a shape/size mismatch.
  public static func decode(
    _ data: Data, file: String = "<data>"
  ) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
    try data.withUnsafeBytes { raw in
      guard raw.count >= 8 else { throw SafetensorsError.tooShort(file: file, byteCount: raw.count) }
      let headerLength = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
      guard headerLength <= maxHeaderLength, Int(headerLength) <= raw.count - 8 else {
        throw SafetensorsError.headerLengthPastEnd(file: file, headerLength: headerLength, fileSize: raw.count)
      }
      let bufferStart = 8 + Int(headerLength)
      let header = try SafetensorsHeader.parse(UnsafeRawBufferPointer(rebasing: raw[8..<bufferStart]), file: file)
      let buffer = UnsafeRawBufferPointer(rebasing: raw[bufferStart...])
      var tensors: [String: Tensor] = [:]
      var expectedBegin = 0
      for (name, entry) in header.entries {
        let (dtype, begin, end) = try validate(
          entry, name: name, expectedBegin: expectedBegin, bufferSize: buffer.count, file: file)
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[begin..<end])
        tensors[name] = Tensor(shape: entry.shape, storage: floats(bytes, dtype: dtype))
        expectedBegin = end
      }
      guard expectedBegin == buffer.count else {
        throw SafetensorsError.trailingBytes(file: file, covered: expectedBegin, bufferSize: buffer.count)
      }
      return (tensors, header.metadata)
    }
  }

  /// Writes `tensors` and `metadata` to `url` atomically (temp file, fsync, rename).
  public static func write(_ tensors: [String: Tensor], metadata: [String: String] = [:], to url: URL) throws {
    try AtomicFile.write(encode(tensors, metadata: metadata), to: url)
  }

  /// Reads a safetensors file.
  ///
  /// - Throws: `SafetensorsError`, naming the file.
  public static func read(from url: URL) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      throw SafetensorsError.unreadable(file: url.path, reason: error.localizedDescription)
    }
    return try decode(data, file: url.path)
  }

  /// Checks one entry's dtype, offsets and size; returns the dtype and byte range.
  private static func validate(
    _ entry: SafetensorsHeader.Entry, name: String, expectedBegin: Int, bufferSize: Int, file: String
  ) throws -> (SafetensorsDType, Int, Int) {
    guard let dtype = SafetensorsDType(rawValue: entry.dtype) else {
      throw SafetensorsError.unknownDType(file: file, tensor: name, dtype: entry.dtype)
    }
    guard entry.dataOffsets.count == 2, entry.shape.allSatisfy({ $0 >= 0 }) else {
      throw SafetensorsError.invalidHeader(
        file: file, reason: "tensor '\(name)' needs two data_offsets and a non-negative shape")
    }
    let begin = entry.dataOffsets[0]
    let end = entry.dataOffsets[1]
    guard 0 <= begin, begin <= end, end <= bufferSize else {
      throw SafetensorsError.offsetsOutOfRange(file: file, tensor: name, begin: begin, end: end, bufferSize: bufferSize)
    }
    guard begin == expectedBegin else {
      throw SafetensorsError.overlapOrHole(file: file, tensor: name, expectedBegin: expectedBegin, begin: begin)
    }
    var expectedBytes: Int? = dtype.size
    for extent in entry.shape {
      guard let bytes = expectedBytes else { break }
      let (product, overflow) = bytes.multipliedReportingOverflow(by: extent)
      expectedBytes = overflow ? nil : product
    }
    guard let expectedBytes, expectedBytes == end - begin else {
      throw SafetensorsError.sizeMismatch(
        file: file, tensor: name, expectedBytes: expectedBytes ?? Int.max, actualBytes: end - begin)
    }
    return (dtype, begin, end)
  }

  /// Converts a little-endian buffer of `dtype` elements to Float32.
  private static func floats(_ bytes: UnsafeRawBufferPointer, dtype: SafetensorsDType) -> [Float] {
    let count = bytes.count / dtype.size
    return [Float](unsafeUninitializedCapacity: count) { out, initialized in
      #if _endian(little)
        if dtype == .float32, count > 0, let base = out.baseAddress, let source = bytes.baseAddress {
          UnsafeMutableRawPointer(base).copyMemory(from: source, byteCount: count * 4)
          initialized = count
          return
        }
      #endif
      for i in 0..<count { out[i] = dtype.element(bytes, at: i) }
      initialized = count
    }
  }

  /// Appends a tensor's elements as little-endian Float32.
  private static func appendLittleEndian(_ tensor: Tensor, to data: inout Data) {
    tensor.withUnsafeBufferPointer { values in
      #if _endian(little)
        data.append(UnsafeBufferPointer(start: values.baseAddress, count: values.count))
      #else
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
      #endif
    }
  }
}
