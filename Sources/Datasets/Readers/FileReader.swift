import Foundation

/// Reads whole files as bytes, with clear errors for missing files and directories; inflates gzip transparently.
enum FileReader {
  /// Throws unless `url` names an existing regular file.
  static func requireFile(_ url: URL) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw DatasetError(file: url.path, "no such file")
    }
    if isDirectory.boolValue {
      throw DatasetError(file: url.path, "is a directory, but a file was expected here")
    }
  }

  /// True when `url` is an existing directory.
  static func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The raw bytes of the file at `url`.
  static func bytes(at url: URL) throws -> [UInt8] {
    try requireFile(url)
    do {
      let data = try Data(contentsOf: url)
      return [UInt8](data)
    } catch {
      throw DatasetError(file: url.path, "cannot be read (\(error.localizedDescription))")
    }
  }

  /// The file's bytes, decompressed when the file starts with the gzip magic `1f 8b`.
  static func decompressedBytes(at url: URL) throws -> [UInt8] {
    let raw = try bytes(at: url)
    return Gzip.isCompressed(raw) ? try Gzip.decompress(raw, file: url.path) : raw
  }
}
