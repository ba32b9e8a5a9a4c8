import Dashboard
import Foundation
import Terminal
import Training

/// The UI loop: keys → UI state and trainer commands; snapshots → render → terminal.
///
/// Runs on the main thread. It never blocks the trainer (the channel is a mutex-guarded
/// mailbox) and redraws at most when a key arrives or a new snapshot is published
/// (the trainer publishes at most 20 times a second). `traintop view` runs the same loop on a
/// recorded run (`RecordingSource`).
final class DashboardApp {
  private let source: any DashboardSource
  private let signals: SignalHandler
  private var ui = UIState()
  private var lastVersion = -1
  private var sampler = ProcessSampler()

  /// Colour, theme and mouse: the flags (or the run's config file), else the user config.
  private let colorMode: ColorMode
  private let theme: Theme
  private let mouse: Bool

  /// Creates the app for `source`, with the user config (`UserConfig`) under the display flags
  /// (`--color`, `--theme`, `--no-mouse`); `cursor` starts `traintop view`'s time cursor.
  init(
    source: any DashboardSource, signals: SignalHandler, display: DisplayFlags, cursor: ViewCursor? = nil,
    user: UserConfig.Loaded = UserConfig.load()
  ) {
    self.source = source
    self.signals = signals
    user.config.apply(to: &ui)
    if let problem = user.problem {
      ui.statusMessage = problem
      FileHandle.standardError.write(Data("traintop: \(problem)\n".utf8))
    }
    ui.cursor = cursor
    colorMode = display.colorMode ?? user.config.color
    theme = display.theme ?? user.config.theme
    mouse = !display.noMouse && user.config.mouse
  }

  /// Opens the terminal and loops until the user quits or a signal arrives; returns a failure message.
  func run() -> String? {
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
        source.terminalClosed()
        break
      }
      if let key = terminal.readKey(timeoutMilliseconds: 50) {
        if handle(key) { break }
        dirty = true
      }
      if let notice = source.takeNotice() {
        ui.statusMessage = notice
        dirty = true
      }
      if let figures = sampler.sample() {
        ui.process = figures
        dirty = true
      }
      let version = source.version(for: ui)
      if version != lastVersion || dirty {
        lastVersion = version
        draw(terminal)
        dirty = false
      }
    }
    return nil
  }

  /// Applies a key; true when the loop should end.
  private func handle(_ key: Key) -> Bool {
    let snapshot = source.snapshot(for: ui)
    var quit = false
    for request in ui.apply(key, snapshot: snapshot) {
      switch request {
      case .send(let command, let origin): source.send(command, source: origin)
      case .quit: quit = true
      case .fork(let change): ui.statusMessage = source.fork(change)
      case .keep(let name): ui.statusMessage = source.keep(name)
      case .switchRun: ui.statusMessage = source.switchRun()
      case .listRuns: ui.comparePicker = ComparePicker(choices: source.comparisonChoices())
      case .toggleComparison(let path):
        ui.statusMessage = source.toggleComparison(path)
        ui.comparePicker?.choices = source.comparisonChoices()
        ui.comparePicker?.move(0)  // keeps the highlight on the list
      }
    }
    return quit
  }

  private func draw(_ terminal: Terminal) {
    let size = terminal.size
    ui.screenWidth = size.width
    ui.screenHeight = size.height
    let screen = render(source.snapshot(for: ui), ui, width: size.width, height: size.height)
    terminal.draw(screen)
  }
}
