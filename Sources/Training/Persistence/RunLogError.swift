/// Why the run log could not be written; every case names the path.
public enum RunLogError: Error, Equatable, CustomStringConvertible {
  /// The run directory (or a file in it) could not be created.
  case cannotCreate(path: String, reason: String)
  /// A log file could not be opened or written.
  case cannotWrite(path: String, reason: String)
  /// The log was closed before this write.
  case closed(path: String)
  /// A log file that should be read is missing or unreadable.
  case unreadable(path: String)
  /// A line of a log file read back is not what it should be (1-based).
  case badLine(path: String, line: Int)

  /// A one-line message naming the path.
  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason): return "cannot create \(path): \(reason)"
    case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
    case .unreadable(let path): return "cannot read \(path)"
    case .badLine(let path, let line): return "\(path):\(line): not an event record"
    case .closed(let path): return "run log \(path) is closed"
    }
  }
}
