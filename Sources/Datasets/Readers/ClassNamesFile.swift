import Foundation

/// `classes.txt`: one class name per line; line i (from 0) names class id i.
enum ClassNamesFile {
  /// The names in `directory/classes.txt`, or nil when there is no such file.
  static func read(in directory: URL) throws -> [String]? {
    let url = directory.appendingPathComponent("classes.txt")
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let bytes = try FileReader.bytes(at: url)
    let text = String(
      decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
    var names = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    while names.last?.isEmpty == true { names.removeLast() }
    if let blank = names.firstIndex(where: \.isEmpty) {
      throw DatasetError(file: url.path, line: blank + 1, "empty class name; expected one class name per line")
    }
    guard !names.isEmpty else { throw DatasetError(file: url.path, "holds no class names; expected one per line") }
    var seen: [String: Int] = [:]
    for (line, name) in names.enumerated() {
      if let first = seen[name] {
        throw DatasetError(file: url.path, line: line + 1, "class name '\(name)' repeats line \(first + 1)")
      }
      seen[name] = line
    }
    return names
  }
}
