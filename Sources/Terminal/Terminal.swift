import CNcurses
import Dashboard
import Foundation

/// The ncurses terminal: set-up and teardown, key decoding, and blitting a `Screen`.
///
/// The only type in traintop that calls ncurses. It must be used from one thread
/// (the UI loop's). `restore()` is idempotent and also runs from `deinit`.
public final class Terminal {
  private let window: UnsafeMutablePointer<WINDOW>
  private let palette: Palette
  private var previous: Screen?
  private var active = true
  /// One run of wide characters, reused for every run of every row (no allocation per frame).
  private var run: [wchar_t] = []

  /// Opens the terminal in cbreak/noecho/keypad mode, with colours as `colorMode` and `theme` say
  /// (`NO_COLOR` read from the environment), and mouse clicks and the wheel reported when `mouse`.
  ///
  /// - Throws: `TerminalError` when the terminal type is unknown or stdout is not a terminal.
  public init(colorMode: ColorMode = .auto, theme: Theme = .dark, mouse: Bool = false) throws {
    Self.ensureUTF8Locale()
    guard isatty(STDOUT_FILENO) != 0, isatty(STDIN_FILENO) != 0 else {
      throw TerminalError.notATerminal
    }
    let term = ProcessInfo.processInfo.environment["TERM"] ?? "xterm"
    guard let screen = cnc_newterm(term), let window = cnc_stdscr() else {
      throw TerminalError.unknownTerminal(term)
    }
    _ = screen
    self.window = window
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    _ = curs_set(0)
    set_escdelay(25)
    let colors = colorMode.usesColor(
      terminalHasColors: has_colors(), noColor: ProcessInfo.processInfo.environment["NO_COLOR"])
    palette = Palette(enabled: colors && theme != .monochrome, theme: theme)
    if mouse { Self.enableMouse() }
  }

  deinit { restore() }

  /// Restores the terminal (endwin); safe to call more than once.
  public func restore() {
    guard active else { return }
    active = false
    endwin()
  }

  /// The terminal's current size in cells.
  public var size: (width: Int, height: Int) {
    var height: Int32 = 0
    var width: Int32 = 0
    cnc_getmaxyx(window, &height, &width)
    return (Int(width), Int(height))
  }

  /// Waits up to `milliseconds` for a key; nil on timeout.
  public func readKey(timeoutMilliseconds milliseconds: Int) -> Key? {
    wtimeout(window, Int32(milliseconds))
    var ch: wint_t = 0
    let result = wget_wch(window, &ch)
    switch result {
    case KEY_CODE_YES:
      if Int32(ch) == KEY_RESIZE { previous = nil }
      if Int32(ch) == KEY_MOUSE { return Self.readMouse() }
      return KeyDecoder.decode(functionKey: Int32(ch))
    case OK:
      return KeyDecoder.decode(character: UInt32(ch))
    default:
      return nil
    }
  }

  /// Asks ncurses for clicks, double clicks and the wheel.
  static func enableMouse() { cnc_enable_mouse() }

  /// The mouse event ncurses holds, if it is one the dashboard uses.
  static func readMouse() -> Key? {
    var x: Int32 = 0
    var y: Int32 = 0
    let kinds: [Int32: MouseEvent.Kind] = [1: .click, 2: .doubleClick, 3: .wheelUp, 4: .wheelDown]
    guard let kind = kinds[cnc_read_mouse(&x, &y)] else { return nil }
    return .mouse(MouseEvent(x: Int(x), y: Int(y), kind: kind))
  }

  /// True while stdin is still a terminal (false once the pty is gone).
  public var isConnected: Bool { isatty(STDIN_FILENO) != 0 }

  /// Draws `screen`, rewriting only the rows that changed since the last draw.
  public func draw(_ screen: Screen) {
    let full = previous == nil || previous?.width != screen.width || previous?.height != screen.height
    if full { werase(window) }
    for y in 0..<screen.height where full || !rowEqual(screen, previous, y) {
      drawRow(screen, y)
    }
    previous = screen
    wnoutrefresh(window)
    doupdate()
  }

  private func rowEqual(_ a: Screen, _ b: Screen?, _ y: Int) -> Bool {
    guard let b else { return false }
    for x in 0..<a.width where a.cell(x: x, y: y) != b.cell(x: x, y: y) { return false }
    return true
  }

  /// Writes one row as runs of equally styled cells.
  private func drawRow(_ screen: Screen, _ y: Int) {
    var x = 0
    // The bottom-right cell would scroll the screen on some terminals: leave it out.
    let width = y == screen.height - 1 ? screen.width - 1 : screen.width
    while x < width {
      let style = screen.cell(x: x, y: y).style
      run.removeAll(keepingCapacity: true)
      let start = x
      while x < width, screen.cell(x: x, y: y).style == style {
        run.append(wchar_t(bitPattern: screen.cell(x: x, y: y).scalar.value))
        x += 1
      }
      run.append(0)
      let attributes = palette.attributes(for: style)
      wattrset(window, Int32(bitPattern: attributes))
      mvwaddwstr(window, Int32(y), Int32(start), run)
    }
    wattrset(window, 0)
  }

  /// Makes sure the C library runs in a UTF-8 locale (LANG may be unset, e.g. in CI).
  private static func ensureUTF8Locale() {
    let current = setlocale(LC_ALL, "").map { String(cString: $0) } ?? ""
    if !current.lowercased().contains("utf") {
      _ = setlocale(LC_ALL, "C.UTF-8")
    }
  }
}

/// Why the terminal could not be opened.
public enum TerminalError: Error, CustomStringConvertible {
  /// stdin or stdout is not a terminal.
  case notATerminal
  /// ncurses does not know this TERM.
  case unknownTerminal(String)

  /// A one-line message.
  public var description: String {
    switch self {
    case .notATerminal: return "not a terminal (use --headless)"
    case .unknownTerminal(let term): return "unknown terminal type '\(term)' (set TERM, e.g. TERM=xterm-256color)"
    }
  }
}

extension Terminal {
  /// Restores the terminal from any thread in an emergency (a second SIGINT), just before exit.
  public static func emergencyRestore() {
    endwin()
  }
}
