import Foundation

/// One append-only log file, opened on first write and kept open (no reopen per line).
struct LogFile {
  /// Where the file lives.
  let url: URL
  private var handle: FileHandle?

  /// A log file at `url`, not opened yet.
  init(url: URL) { self.url = url }

  /// Whether the file is open.
  var isOpen: Bool { handle != nil }

  /// The file's first line, if it exists and has one (used to resume a CSV's columns).
  func firstLine() -> String? {
    guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else { return nil }
    let line = data.prefix { $0 != UInt8(ascii: "\n") }
    return String(decoding: line, as: UTF8.self)
  }

  /// Appends `bytes` at the end of the file, creating it if needed.
  mutating func append<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
    do {
      try open().write(contentsOf: Data(bytes))
    } catch let error as RunLogError {
      throw error
    } catch {
      throw RunLogError.cannotWrite(path: url.path, reason: error.localizedDescription)
    }
  }

  /// Forces written bytes to disk.
  func synchronize() throws {
    do {
      try handle?.synchronize()
    } catch {
      throw RunLogError.cannotWrite(path: url.path, reason: error.localizedDescription)
    }
  }

  /// Closes the file (a later append reopens it).
  mutating func close() throws {
    defer { handle = nil }
    do {
      try handle?.close()
    } catch {
      throw RunLogError.cannotWrite(path: url.path, reason: error.localizedDescription)
    }
  }

  private mutating func open() throws -> FileHandle {
    if let handle { return handle }
    if !FileManager.default.fileExists(atPath: url.path) {
      guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
        throw RunLogError.cannotCreate(path: url.path, reason: "createFile failed")
      }
    }
    let opened: FileHandle
    do {
      opened = try FileHandle(forWritingTo: url)
      try opened.seekToEnd()
    } catch {
      throw RunLogError.cannotWrite(path: url.path, reason: error.localizedDescription)
    }
    handle = opened
    return opened
  }
}
