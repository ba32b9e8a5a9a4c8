import CZlib

/// gzip decompression with zlib, for files that start with the gzip magic `1f 8b`.
enum Gzip {
  /// True when `bytes` starts with the gzip magic number.
  static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
  }

  /// Inflates every gzip member in `bytes`; throws a `DatasetError` naming `file` if truncated or corrupt.
  static func decompress(_ bytes: [UInt8], file: String) throws -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(sizeHint(bytes))
    var stream = z_stream()
    let windowBits: Int32 = 16 + MAX_WBITS  // 16: expect a gzip header and trailer
    guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw DatasetError(file: file, "zlib could not be initialised") }
    defer { inflateEnd(&stream) }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    try bytes.withUnsafeBufferPointer { input in
      guard let base = input.baseAddress else { return }
      stream.next_in = UnsafeMutablePointer(mutating: base)
      stream.avail_in = uInt(input.count)
      try inflateAll(&stream, chunk: &chunk, into: &output, file: file)
    }
    return output
  }

  /// Runs inflate until the input is used up, restarting for each concatenated gzip member.
  private static func inflateAll(
    _ stream: inout z_stream, chunk: inout [UInt8], into output: inout [UInt8], file: String
  ) throws {
    let chunkCount = chunk.count
    while true {
      let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
        stream.next_out = buffer.baseAddress
        stream.avail_out = uInt(chunkCount)
        let status = inflate(&stream, Z_NO_FLUSH)
        output.append(contentsOf: buffer[0..<(chunkCount - Int(stream.avail_out))])
        return status
      }
      switch status {
      case Z_OK:
        continue
      case Z_STREAM_END:
        // Another gzip member may follow; anything else after the end (e.g. zero padding) is ignored, as gzip does.
        guard stream.avail_in >= 2, stream.next_in[0] == 0x1f, stream.next_in[1] == 0x8b else { return }
        guard inflateReset(&stream) == Z_OK else { throw corrupt(file, "cannot restart zlib") }
      case Z_BUF_ERROR:
        throw DatasetError(
          file: file,
          "the gzip data is truncated (the stream ends after \(output.count) decompressed bytes "
            + "without its end marker); download or copy the file again")
      default:
        let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
        throw corrupt(file, message)
      }
    }
  }

  private static func corrupt(_ file: String, _ message: String) -> DatasetError {
    DatasetError(file: file, "the gzip data is corrupt (\(message)); download or copy the file again")
  }

  /// The uncompressed size stored in the last gzip trailer (modulo 2^32), capped to a plausible ratio.
  private static func sizeHint(_ bytes: [UInt8]) -> Int {
    guard bytes.count >= 18 else { return 0 }
    let n = bytes.count
    let size = Int(bytes[n - 4]) | Int(bytes[n - 3]) << 8 | Int(bytes[n - 2]) << 16 | Int(bytes[n - 1]) << 24
    return min(size, bytes.count * 1032)  // deflate cannot expand more than about 1032:1
  }
}
