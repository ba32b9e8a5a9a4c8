import Dashboard
import Foundation
import Training

/// `traintop view`'s dashboard source: the first run at the time cursor, the others overlaid as
/// ghost lines; the files are re-read twice a second, so a run another process is writing is
/// followed live.
final class RecordingSource: DashboardSource {
  private let run: RecordedRun
  private let others: [RecordedRun]
  private var lastRefresh = Date.distantPast
  private var cached: (key: CacheKey, snapshot: TrainingSnapshot)?
  private var comparisons: [ComparisonRun] = []

  /// What a snapshot depends on.
  private struct CacheKey: Equatable {
    var versions: [Int]
    var cursor: ViewCursor?
  }

  /// How often the files are re-read.
  static let refreshInterval: TimeInterval = 0.5

  init(run: RecordedRun, others: [RecordedRun]) {
    self.run = run
    self.others = others
    comparisons = others.map(\.comparison)
  }

  func version(for ui: UIState) -> Int {
    if Date().timeIntervalSince(lastRefresh) >= Self.refreshInterval {
      lastRefresh = Date()
      run.refresh()
      if others.map({ $0.refresh() }).contains(true) { comparisons = others.map(\.comparison) }
    }
    var hasher = Hasher()
    hasher.combine(key(ui).versions)
    hasher.combine(ui.cursor)
    return hasher.finalize()
  }

  func snapshot(for ui: UIState) -> TrainingSnapshot? {
    let key = key(ui)
    if let cached, cached.key == key { return cached.snapshot }
    var snapshot = run.snapshot(atStep: step(for: ui.cursor ?? .end))
    snapshot.info.comparisons = comparisons
    cached = (key, snapshot)
    return snapshot
  }

  /// A recorded run takes no commands; the key map refuses them before they get here.
  func send(_ command: TrainerCommand, source: CommandSource) {}

  func terminalClosed() {}

  func fork(_ change: TrainerCommand) -> String { Self.readOnly }
  func switchRun() -> String { Self.readOnly }
  func keep(_ name: String) -> String { Self.readOnly }
  func takeNotice() -> String? { nil }
  func comparisonChoices() -> [ComparePicker.Choice] { [] }
  func toggleComparison(_ path: String) -> String { Self.readOnly }

  /// What a steering request gets.
  static let readOnly = "read-only: traintop view shows a recorded run"

  private func key(_ ui: UIState) -> CacheKey {
    CacheKey(versions: [run.version] + others.map(\.version), cursor: ui.cursor)
  }

  /// The step a cursor stands for (nil: the newest).
  private func step(for cursor: ViewCursor) -> Int? {
    switch cursor {
    case .end: nil
    case .step(let step): step
    case .epoch(let epoch): run.epochEndStep(epoch)
    }
  }
}
