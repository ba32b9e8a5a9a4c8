import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces a file all at once: readers see the old contents or the new, never a torn write.
///
/// `write` creates a uniquely named temporary file in the target's directory, writes and
/// fsyncs it, renames it over the target (atomic on POSIX file systems), then fsyncs the
/// directory so the rename itself survives a crash. On any failure the temporary file is
/// removed and the old target is left as it was.
public enum AtomicFile {
  /// Writes `data` to `url` atomically.
  ///
  /// - Throws: `AtomicFileError` naming the step and the path.
  public static func write(_ data: Data, to url: URL) throws {
    let target = url.path
    let directory = url.deletingLastPathComponent().path
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)").path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw AtomicFileError(step: .create, path: temporary, code: errno) }
    do {
      try writeAll(data, to: descriptor, path: temporary)
      guard fsync(descriptor) == 0 else { throw AtomicFileError(step: .sync, path: temporary, code: errno) }
      guard close(descriptor) == 0 else {
        throw AtomicFileError(step: .close, path: temporary, code: errno)
      }
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    guard rename(temporary, target) == 0 else {
      let code = errno
      unlink(temporary)
      throw AtomicFileError(step: .rename, path: target, code: code)
    }
    syncDirectory(directory)
  }

  /// Writes every byte, retrying short writes and interruptions.
  private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
    try data.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw AtomicFileError(step: .write, path: path, code: errno)
        }
        offset += written
      }
    }
  }

  /// The POSIX `write(2)`, named apart from `AtomicFile.write`.
  private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      return Glibc.write(descriptor, buffer, count)
    #else
      return Darwin.write(descriptor, buffer, count)
    #endif
  }

  /// Fsyncs a directory so a rename in it is durable (best effort: some file systems refuse).
  private static func syncDirectory(_ path: String) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }
}
