import Dashboard
import Training

/// What the dashboard shows and steers: a live trainer (`TrainerChannel`) or a recorded run
/// (`RecordingSource`, for `traintop view`).
protocol DashboardSource: AnyObject {
  /// Changes whenever `snapshot(for:)` may give something new (polled every frame).
  func version(for ui: UIState) -> Int
  /// What to draw now.
  func snapshot(for ui: UIState) -> TrainingSnapshot?
  /// Carries out a command (a recorded run has none to carry out).
  func send(_ command: TrainerCommand, source: CommandSource)
  /// The terminal went away: a live run stops as interrupted.
  func terminalClosed()
}

extension TrainerChannel: DashboardSource {
  func version(for ui: UIState) -> Int { latest().version }
  func snapshot(for ui: UIState) -> TrainingSnapshot? { latest().snapshot }
  func terminalClosed() { send(.stop(.interrupted), source: .signal) }
}
