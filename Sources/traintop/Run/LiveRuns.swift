import Dashboard
import Foundation
import Training

/// The live dashboard's source: the run, and after `:fork` its copies, each a trainer on its own
/// thread. The panes show the focused run, the others as ghost lines named in the header; commands
/// go to the focused run; `w` switches, `:keep B` stops the others.
final class LiveRuns: DashboardSource {
  /// One run: its letter (A, B, …), what made it differ, and its channel.
  struct Run {
    let name: String
    let label: String
    let channel: TrainerChannel
  }

  /// Starts a fork's trainer from the state the focused trainer left, applies the change first,
  /// and returns its channel; the run's name goes into its run directory's name.
  typealias Spawn = (_ state: Checkpoint, _ change: TrainerCommand, _ name: String, _ parent: TrainerChannel) throws
    -> TrainerChannel

  private(set) var runs: [Run]
  private(set) var focus = 0
  private let spawn: Spawn?
  /// The change waiting for the focused trainer's copy of its state.
  private var pending: (change: TrainerCommand, from: Int, since: Date)?
  /// How long a fork waits for its parent's state before it is given up (the parent refused,
  /// e.g. it could not copy its state; its events say why).
  static let forkTimeout: TimeInterval = 10
  private var notice: String?
  /// The earlier runs `c` can draw (directory and list line), newest first.
  private let earlierRuns: () -> [(path: String, line: String)]
  /// The earlier runs drawn now, by directory.
  private var compared: [(path: String, run: ComparisonRun)] = []

  /// The live run on `channel`; `spawn` nil: forks are refused (e.g. in tests). `earlierRuns`
  /// lists the runs `c` offers.
  init(
    channel: TrainerChannel, earlierRuns: @escaping () -> [(path: String, line: String)] = { [] }, spawn: Spawn?
  ) {
    runs = [Run(name: "A", label: "A", channel: channel)]
    self.earlierRuns = earlierRuns
    self.spawn = spawn
  }

  /// The runs still training.
  var running: [Run] { runs.filter { !$0.channel.isFinished } }

  func version(for ui: UIState) -> Int {
    startPendingFork()
    var hasher = Hasher()
    hasher.combine(focus)
    hasher.combine(compared.map(\.path))
    for run in runs { hasher.combine(run.channel.latest().version) }
    return hasher.finalize()
  }

  func snapshot(for ui: UIState) -> TrainingSnapshot? {
    guard var snapshot = runs[focus].channel.latest().snapshot else { return nil }
    snapshot.info.comparisons += compared.map(\.run)
    guard runs.count > 1 else { return snapshot }
    snapshot.info.comparisons =
      runs.indices.filter { $0 != focus }.compactMap { index in
        runs[index].channel.latest().snapshot.map { other in
          ComparisonRun(
            name: runs[index].label, epochs: other.epochs, stepLoss: other.stepLoss, learningRate: other.learningRate)
        }
      } + snapshot.info.comparisons
    return snapshot
  }

  func send(_ command: TrainerCommand, source: CommandSource) {
    runs[focus].channel.send(command, source: source)
  }

  func terminalClosed() { stopAll() }

  /// Stops every run still training (quit, a signal, the terminal gone).
  func stopAll(reason: StopReason = .interrupted) {
    for run in running { run.channel.send(.stop(reason), source: .signal) }
  }

  func takeNotice() -> String? {
    defer { notice = nil }
    return notice
  }

  func comparisonChoices() -> [ComparePicker.Choice] {
    earlierRuns().map { run in
      ComparePicker.Choice(path: run.path, line: run.line, isShown: compared.contains { $0.path == run.path })
    }
  }

  func toggleComparison(_ path: String) -> String {
    let name = URL(fileURLWithPath: path).lastPathComponent
    if let index = compared.firstIndex(where: { $0.path == path }) {
      compared.remove(at: index)
      return "compare: \(name) removed"
    }
    do {
      compared.append((path, try ComparisonRun.load(URL(fileURLWithPath: path))))
      return "compare: \(name) drawn as ghost lines"
    } catch {
      return "compare: \(error)"
    }
  }

  func fork(_ change: TrainerCommand) -> String {
    guard spawn != nil else { return "fork: not here (headless or a test)" }
    guard pending == nil else { return "fork: one is already starting" }
    guard running.count < PromptCommand.runLimit else {
      return "fork: \(PromptCommand.runLimit) runs at most at once (one per core); :keep one first"
    }
    guard !runs[focus].channel.isFinished else { return "fork: run \(runs[focus].name) has stopped" }
    pending = (change, focus, Date())
    runs[focus].channel.send(.fork, source: .prompt)
    return "fork: copying run \(runs[focus].name)…"
  }

  func switchRun() -> String {
    guard runs.count > 1 else { return "one run: :fork <change> starts a second beside it" }
    focus = (focus + 1) % runs.count
    return "run \(runs[focus].label): the panes and commands are its"
  }

  func keep(_ name: String) -> String {
    guard let kept = runs.firstIndex(where: { $0.name == name }) else {
      return "keep: no run \(name) (runs: \(runs.map(\.name).joined(separator: ", ")))"
    }
    for (index, run) in runs.enumerated() where index != kept && !run.channel.isFinished {
      run.channel.send(.stop(.manual), source: .prompt)
    }
    focus = kept
    return "keep: run \(runs[kept].label) goes on, the others stop"
  }

  /// Starts the fork once its parent has left its state.
  private func startPendingFork() {
    guard let (change, from, since) = pending, let spawn else { return }
    guard let state = runs[from].channel.takeFork() else {
      if runs[from].channel.isFinished || Date().timeIntervalSince(since) > Self.forkTimeout {
        pending = nil
        notice = "fork: run \(runs[from].name) did not hand over its state (its events say why)"
      }
      return
    }
    pending = nil
    let name = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(min(runs.count, 25))))
    do {
      let channel = try spawn(state, change, name, runs[from].channel)
      runs.append(Run(name: name, label: "\(name): \(change.summary)", channel: channel))
      focus = runs.count - 1
      notice = "fork: run \(name) (\(change.summary)) continues beside \(runs[from].name); w switches, :keep picks"
    } catch {
      notice = "fork failed: \(error)"
    }
  }
}
