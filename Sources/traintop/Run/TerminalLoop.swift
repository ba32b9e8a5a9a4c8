import Dashboard
import Foundation
import Terminal

/// What a terminal loop shows and does: the run dashboard (`DashboardApp`) or the search's
/// trials (`SearchApp`). Everything runs on the main thread.
protocol TerminalContent: AnyObject {
  /// Applies a key; true ends the loop.
  func handle(_ key: Key) -> Bool
  /// Called every turn of the loop (about 20 times a second); true when the frame must be drawn again.
  func tick() -> Bool
  /// The frame for a terminal of this size.
  func frame(width: Int, height: Int) -> Screen
  /// The terminal went away: whatever runs stops as interrupted.
  func terminalClosed()
  /// How long the loop waits for a key before its next turn.
  var turnMilliseconds: Int { get }
  /// The least time between two frames drawn for `tick` (a key is always drawn at once).
  var frameInterval: Double { get }
}

extension TerminalContent {
  var turnMilliseconds: Int { 50 }
  var frameInterval: Double { 0 }
}

/// Opens the terminal, then reads keys (`turnMilliseconds` at most), lets the content do its work
/// and draws when something changed (at most once per `frameInterval`, but at once after a key),
/// until the content quits, a signal arrives or the terminal goes away.
/// The terminal is restored on every way out (an immediate exit included).
enum TerminalLoop {
  /// Runs `content`; returns a failure message (the terminal could not be opened).
  static func run(
    _ content: any TerminalContent, signals: SignalHandler, colorMode: ColorMode, theme: Theme, mouse: Bool
  ) -> String? {
    let terminal: Terminal
    do {
      terminal = try Terminal(colorMode: colorMode, theme: theme, mouse: mouse)
    } catch {
      return "\(error)"
    }
    signals.onImmediateExit { Terminal.emergencyRestore() }
    defer { terminal.restore() }
    var dirty = true
    var keyed = true
    var lastFrame = 0.0
    while signals.receivedSignal == 0 {
      guard terminal.isConnected else {
        signals.noteHangup()
        content.terminalClosed()
        break
      }
      if let key = terminal.readKey(timeoutMilliseconds: content.turnMilliseconds) {
        if content.handle(key) { break }
        keyed = true
      }
      if content.tick() { dirty = true }
      let now = ProcessInfo.processInfo.systemUptime
      if keyed || (dirty && now - lastFrame >= content.frameInterval) {
        let size = terminal.size
        terminal.draw(content.frame(width: size.width, height: size.height))
        (dirty, keyed, lastFrame) = (false, false, now)
      }
    }
    return nil
  }
}
