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
}
