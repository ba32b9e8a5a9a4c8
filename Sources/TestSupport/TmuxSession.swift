import Foundation

/// Drives a real binary inside a private tmux server: start, send keys, read the screen.
///
/// The server runs on a socket in a fresh temporary directory and is started with
/// `posix_spawnp` (Foundation's `Process` would wait for the daemon that inherits its
/// pipes) with a clean signal mask (test threads block SIGTERM/SIGWINCH, which the
/// child would inherit). See shared/notes/terminal-and-blas-in-swift.md.
public final class TmuxSession: @unchecked Sendable {
  /// The temporary directory holding the socket (and anything the test puts there).
  public let directory: String
  /// The session name.
  public let name = "t"

  /// Creates a session directory; call `start` to run a command.
  public init() throws {
    directory = try Fixtures.temporaryDirectory("traintop-tmux").path
  }

  deinit { kill() }

  private var socket: String { directory + "/sock" }

  /// Runs `command` (a shell command line) in a detached session of `columns`×`rows`.
  ///
  /// The pane prints `TTY_RESTORED` if `stty -g` is the same before and after, then
  /// `EXITED rc=N`, and stays open so the final screen can be read.
  public func start(_ command: String, columns: Int = 120, rows: Int = 40, environment: [String: String] = [:]) throws {
    let wrapped =
      "s1=$(stty -g); \(command); rc=$?; s2=$(stty -g); "
      + "[ \"$s1\" = \"$s2\" ] && echo TTY_RESTORED; echo EXITED rc=$rc; sleep 120"
    var arguments = [
      "tmux", "-u", "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", name,
      "-x", "\(columns)", "-y", "\(rows)", "-e", "LANG=C.UTF-8",
    ]
    for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
      arguments += ["-e", "\(key)=\(value)"]
    }
    let status = spawnClean(arguments + [wrapped])
    guard status == 0 else { throw TmuxError.startFailed(status) }
  }

  /// The visible screen as text.
  public func screen() -> String { tmux(["capture-pane", "-p", "-t", name]) }

  /// Sends keys (tmux key names such as `Up`, `Enter`, `C-c`, or literal text).
  public func send(_ keys: String...) { _ = tmux(["send-keys", "-t", name] + keys) }

  /// Sends literal text (no key-name lookup).
  public func type(_ text: String) { _ = tmux(["send-keys", "-l", "-t", name, text]) }

  /// Resizes the window.
  public func resize(columns: Int, rows: Int) {
    _ = tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
  }

  /// Polls the screen every 100 ms until `condition` holds or `timeout` seconds pass; returns the last screen.
  public func waitFor(timeout: Double = 20, _ condition: (String) -> Bool) -> (ok: Bool, screen: String) {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = screen()
      if condition(last) { return (true, last) }
      usleep(100_000)
    }
    return (false, last)
  }

  /// Stops the server and removes the directory.
  public func kill() {
    _ = tmux(["kill-server"])
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Runs one tmux client command and returns its output.
  @discardableResult
  public func tmux(_ arguments: [String]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tmux", "-u", "-S", socket, "-f", "/dev/null"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return "" }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// True when tmux is installed.
  public static var isAvailable: Bool {
    ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].contains {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }
}

/// Why a tmux session could not start.
public enum TmuxError: Error {
  /// `tmux new-session` exited with this status.
  case startFailed(Int32)
}

/// posix_spawnp with stdio on /dev/null, every other fd closed and a clean signal mask; waits and returns the exit
/// status.
public func spawnClean(_ argv: [String]) -> Int32 {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
  for fd in fds.compactMap({ Int32($0) }) where fd > 2 {
    posix_spawn_file_actions_addclose(&actions, fd)
  }
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var none = sigset_t()
  var all = sigset_t()
  sigemptyset(&none)
  sigfillset(&all)
  posix_spawnattr_setsigmask(&attributes, &none)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
  var cArguments = argv.map { strdup($0) } + [nil]
  var cEnvironment = environment.map { strdup($0) } + [nil]
  defer { for pointer in cArguments + cEnvironment { free(pointer) } }
  var pid: pid_t = 0
  guard posix_spawnp(&pid, argv[0], &actions, &attributes, &cArguments, &cEnvironment) == 0 else {
    return -1
  }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0, errno == EINTR {}
  return (status >> 8) & 0xff
}

/// The path of a product built beside the test bundle (e.g. `traintop`), overridable by `TRAINTOP_BIN`.
public func builtProduct(_ name: String) -> String {
  if name == "traintop", let path = ProcessInfo.processInfo.environment["TRAINTOP_BIN"] { return path }
  let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  return exe.deletingLastPathComponent().appendingPathComponent(name).path
}
