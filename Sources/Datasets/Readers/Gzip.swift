import CZlib

/// gzip decompression with zlib, for files that start with the gzip magic `1f 8b`.
enum Gzip {
  /// True when `bytes` starts with the gzip magic number.
  static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
  }

  /// Inflates every gzip member in `bytes`; throws a `DatasetError` naming `file` if truncated or corrupt.
  ///
  /// zlib counts input in 32-bit `uInt`s, so the input is fed in pieces of at most `piece` bytes
  /// (the largest `uInt` unless a test asks for less): files over 4 GiB decompress too.
  static func decompress(_ bytes: [UInt8], file: String, piece: Int = Int(uInt.max)) throws -> [UInt8] {
    precondition(piece > 0, "gzip input pieces must be positive")
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
      var feed = Feed(base: base, count: input.count, piece: piece)
      try inflateAll(&stream, feed: &feed, chunk: &chunk, into: &output, file: file)
    }
    return output
  }

  /// The compressed input, handed to zlib a piece at a time.
  private struct Feed {
    let base: UnsafePointer<UInt8>
    let count: Int
    let piece: Int
    /// Bytes handed to zlib so far (some may still be in `avail_in`).
    var fed = 0

    /// Hands zlib the next piece when it has used up the last one.
    mutating func refill(_ stream: inout z_stream) {
      guard stream.avail_in == 0, fed < count else { return }
      let n = Swift.min(count - fed, piece)
      stream.next_in = UnsafeMutablePointer(mutating: base + fed)
      stream.avail_in = uInt(n)
      fed += n
    }

    /// Restarts the input at the first byte zlib has not used (after a member's end).
    mutating func rewind(_ stream: inout z_stream) -> (position: Int, remaining: Int) {
      let position = fed - Int(stream.avail_in)
      fed = position
      stream.avail_in = 0
      return (position, count - position)
    }
  }

  /// Runs inflate until the input is used up, restarting for each concatenated gzip member.
  private static func inflateAll(
    _ stream: inout z_stream, feed: inout Feed, chunk: inout [UInt8], into output: inout [UInt8],
    file: String
  ) throws {
    let chunkCount = chunk.count
    while true {
      feed.refill(&stream)
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
      case Z_BUF_ERROR where stream.avail_in == 0 && feed.fed < feed.count:
        continue  // zlib wants the next piece
      case Z_STREAM_END:
        // Another gzip member may follow; anything else after the end (e.g. zero padding) is ignored, as gzip does.
        let (position, remaining) = feed.rewind(&stream)
        guard remaining >= 2, feed.base[position] == 0x1f, feed.base[position + 1] == 0x8b else { return }
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
