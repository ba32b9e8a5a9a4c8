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
final class DashboardApp: TerminalContent {
  private let source: any DashboardSource
  private let signals: SignalHandler
  private var ui = UIState()
  private var lastVersion = -1
  private var sampler = ProcessSampler()
  /// Whether a confirmed quit stops the run first (false in a search's trial view: quitting leaves
  /// the trial to the search, which stops it as interrupted for `--resume`).
  var quitStopsRun = true

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
    TerminalLoop.run(self, signals: signals, colorMode: colorMode, theme: theme, mouse: mouse)
  }

  func tick() -> Bool {
    var changed = false
    if let notice = source.takeNotice() {
      ui.statusMessage = notice
      changed = true
    }
    if let figures = sampler.sample() {
      ui.process = figures
      changed = true
    }
    let version = source.version(for: ui)
    if version != lastVersion {
      lastVersion = version
      changed = true
    }
    return changed
  }

  func terminalClosed() { source.terminalClosed() }

  /// Whether Esc (or q) is free to leave this dashboard: no prompt, overlay, zoom or question is
  /// open that the key would close first (the search's trial view returns to its table).
  var isAtRest: Bool {
    !ui.prompt.isOpen && !ui.showsHelp && ui.zoomed == nil && ui.comparePicker == nil && !ui.confirmingQuit
      && source.snapshot(for: ui)?.lrFinder == nil
  }

  /// Applies a key; true when the loop should end.
  func handle(_ key: Key) -> Bool {
    let snapshot = source.snapshot(for: ui)
    var quit = false
    var requests = ui.apply(key, snapshot: snapshot)
    if !quitStopsRun && requests.contains(.quit) { requests = [.quit] }
    for request in requests {
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

  func frame(width: Int, height: Int) -> Screen {
    ui.screenWidth = width
    ui.screenHeight = height
    return render(source.snapshot(for: ui), ui, width: width, height: height)
  }
}
