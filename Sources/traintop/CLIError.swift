/// A user-facing failure of the command-line tool, with its exit code.
enum CLIError: Error, CustomStringConvertible {
  /// Bad options or config values (exit 64, EX_USAGE).
  case usage(String)
  /// Bad data in an input file (exit 65, EX_DATAERR).
  case data(String)
  /// A missing or unreadable input (exit 66, EX_NOINPUT).
  case input(String)
  /// The terminal could not be opened or run (exit 74, EX_IOERR).
  case io(String)

  /// The message, one line.
  var description: String {
    switch self {
    case .usage(let m), .data(let m), .input(let m), .io(let m): return m
    }
  }

  /// The sysexits-style exit code.
  var exitCode: Int32 {
    switch self {
    case .usage: return 64
    case .data: return 65
    case .input: return 66
    case .io: return 74
    }
  }
}
