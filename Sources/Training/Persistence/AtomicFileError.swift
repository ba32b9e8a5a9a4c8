#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed atomic write: which step failed, on which path, and the system's reason.
public struct AtomicFileError: Error, Equatable, CustomStringConvertible {
  /// The step of an atomic write.
  public enum Step: String, Sendable {
    /// Creating the temporary file.
    case create
    /// Writing its bytes.
    case write
    /// Fsyncing it.
    case sync
    /// Closing it.
    case close
    /// Renaming it over the target.
    case rename
  }

  /// The step that failed.
  public var step: Step
  /// The file involved (the temporary file, or the target for `rename`).
  public var path: String
  /// The `errno` value.
  public var code: Int32

  public init(step: Step, path: String, code: Int32) {
    self.step = step
    self.path = path
    self.code = code
  }

  /// A one-line message, e.g. `cannot rename over /x/config.json: Is a directory`.
  public var description: String {
    "cannot \(step.rawValue) \(step == .rename ? "over " : "")\(path): \(String(cString: strerror(code)))"
  }
}
