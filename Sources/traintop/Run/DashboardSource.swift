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
  /// `:fork`: copies the focused run and continues the copy with `change`; the status line's text.
  func fork(_ change: TrainerCommand) -> String
  /// `w`: the next run takes the panes and the commands; the status line's text.
  func switchRun() -> String
  /// `:keep B`: stops every run but `name`; the status line's text.
  func keep(_ name: String) -> String
  /// Something that happened on its own since the last call (a fork started or failed), once.
  func takeNotice() -> String?
  /// `c`: earlier runs of this dataset to draw beside the focused run, newest first.
  func comparisonChoices() -> [ComparePicker.Choice]
  /// Draws the run in `path` as ghost lines, or stops drawing it; the status line's text.
  func toggleComparison(_ path: String) -> String
}
