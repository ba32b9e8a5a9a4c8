import Training

/// What a valid prompt line asks for.
public enum PromptAction: Equatable, Sendable {
  /// Send this command to the trainer.
  case trainer(TrainerCommand)
  /// Set the loss smoothing weight (UI only).
  case setSmoothing(Double)
  /// Turn the loss chart's log scale on or off (UI only).
  case setLogScale(Bool)
  /// Show the help overlay.
  case showHelp
  /// `goto step 1200`: `traintop view`'s time cursor.
  case setCursor(ViewCursor)
  /// `:fork lr 3e-4`: a copy of the run continues with this change beside it.
  case fork(TrainerCommand)
  /// `:keep B`: keep that run, stop the others.
  case keep(String)

  /// True for what changes a run (refused in `traintop view`).
  var steers: Bool {
    switch self {
    case .trainer, .fork, .keep: true
    case .setSmoothing, .setLogScale, .showHelp, .setCursor: false
    }
  }
}
