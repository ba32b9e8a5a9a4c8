import Dashboard
import Foundation
import Training

/// The trials dashboard: the table and charts of the search (`TrialsView`), and on Enter the
/// selected trial's own dashboard with all its steering keys (a `DashboardApp` on its channel);
/// Esc or q returns to the table. Each turn of the loop also runs a step of the search.
final class SearchApp: TerminalContent {
  private let session: SearchSession
  private let signals: SignalHandler
  private var state = TrialsState()
  private let user: UserConfig.Loaded
  private let display: DisplayFlags
  /// The trial whose dashboard is open, and that dashboard.
  private var opened: (number: Int, channel: TrainerChannel?, app: DashboardApp)?
  private var lastVersion = -1

  init(session: SearchSession, signals: SignalHandler, user: UserConfig.Loaded = UserConfig.load()) {
    self.session = session
    self.signals = signals
    self.user = user
    display = (try? session.plan.trialPlan([:], origin: "the search's fixed options").display) ?? DisplayFlags()
    state.statusMessage = user.problem
  }

  /// Opens the terminal and loops until quit; returns a failure message.
  func run() -> String? {
    TerminalLoop.run(
      self, signals: signals, colorMode: display.colorMode ?? user.config.color,
      theme: display.theme ?? user.config.theme, mouse: !display.noMouse && user.config.mouse)
  }

  func handle(_ key: Key) -> Bool {
    if let opened {
      if key == .ctrlC { return true }
      if (key == .escape || key == .character("q")) && opened.app.isAtRest {
        self.opened = nil
        return false
      }
      return opened.app.handle(key)
    }
    for request in state.apply(key, snapshot: session.snapshot()) {
      switch request {
      case .quit: return true
      case .open(let number): open(number)
      default: state.statusMessage = session.perform(request)
      }
    }
    return false
  }

  /// Shows trial `number`'s own dashboard: live while it trains, else its recorded run (as
  /// `traintop view`, at its end; a cross-validated trial's last fold).
  private func open(_ number: Int) {
    let source: any DashboardSource
    let channel = session.channel(of: number)
    if let channel {
      source = LiveRuns(channel: channel, spawn: nil)
    } else {
      do {
        source = RecordingSource(run: try RecordedRun(directory: session.recordedDirectory(of: number)), others: [])
      } catch {
        state.statusMessage = "trial \(number): \(error)"
        return
      }
    }
    let app = DashboardApp(
      source: source, signals: signals, display: display, cursor: channel == nil ? .end : nil, user: user)
    app.quitStopsRun = false
    opened = (number, channel, app)
    state.statusMessage = nil
  }

  func tick() -> Bool {
    session.step()
    if let opened {
      // A cross-validated trial's next fold trains on a new channel: follow it (a recorded one stays).
      if opened.channel != nil, let channel = session.channel(of: opened.number), channel !== opened.channel {
        open(opened.number)
      }
      return self.opened?.app.tick() ?? true
    }
    let version = session.version
    defer { lastVersion = version }
    return version != lastVersion
  }

  func frame(width: Int, height: Int) -> Screen {
    if let opened {
      var screen = opened.app.frame(width: width, height: height)
      let note = " trial \(opened.number) · esc: back to the trials "
      if width >= Dashboard.minimumSize.width, height >= Dashboard.minimumSize.height {
        screen.put(note, x: max(0, width - note.count - 1), y: 2, style: Style(.yellow, bold: true))
      }
      return screen
    }
    return TrialsView.render(session.snapshot(), state, width: width, height: height)
  }

  func terminalClosed() {}

  /// Short turns, so a finished trial's slot is filled soon (the headless loop's 20 ms).
  var turnMilliseconds: Int { 20 }

  /// The table at most 10 times a second: every epoch of every trial changes it, and the frames
  /// must not take the trainers' cores; an opened trial draws as its own dashboard does.
  var frameInterval: Double { opened == nil ? 0.1 : 0 }
}
