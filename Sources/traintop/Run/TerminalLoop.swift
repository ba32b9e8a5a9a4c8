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
}

/// Opens the terminal, then reads keys (50 ms at most), lets the content do its work and draws
/// when something changed, until the content quits, a signal arrives or the terminal goes away.
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
    while signals.receivedSignal == 0 {
      guard terminal.isConnected else {
        signals.noteHangup()
        content.terminalClosed()
        break
      }
      if let key = terminal.readKey(timeoutMilliseconds: 50) {
        if content.handle(key) { break }
        dirty = true
      }
      if content.tick() { dirty = true }
      if dirty {
        let size = terminal.size
        terminal.draw(content.frame(width: size.width, height: size.height))
        dirty = false
      }
    }
    return nil
  }
}
