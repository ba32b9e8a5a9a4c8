import Search

/// What the trials dashboard draws: the study as it is now and how the search runs. Built by the
/// search's loop (on the main thread) for every frame that needs it.
public struct SearchSnapshot: Sendable {
  /// The trials, the space (as it is now, after any `:space`), the strategy and the direction.
  public var study: Study
  /// The metric the objective is taken from, e.g. `val_accuracy`.
  public var metric: String
  /// The search directory's name.
  public var name: String
  /// How many trials train at once.
  public var parallel: Int
  /// No new trial starts and the running ones are paused.
  public var paused: Bool
  /// Every trial has ended, or the search was stopped; the dashboard stays until quit.
  public var finished: Bool
  /// Each running trial's progress, by trial number.
  public var progress: [Int: TrialProgress]
  /// What the search did, oldest first: trials ended, space changes, promotions.
  public var events: [String]

  public init(
    study: Study, metric: String, name: String, parallel: Int, paused: Bool = false, finished: Bool = false,
    progress: [Int: TrialProgress] = [:], events: [String] = []
  ) {
    self.study = study
    self.metric = metric
    self.name = name
    self.parallel = parallel
    self.paused = paused
    self.finished = finished
    self.progress = progress
    self.events = events
  }

  /// The best complete trial's number.
  public var bestNumber: Int? { study.best?.number }

  /// How many trials are in `state`.
  public func count(_ state: TrialState) -> Int { study.trials.filter { $0.state == state }.count }
}

/// How far a running trial has got: the epoch it trains, of how many (a cross-validated trial:
/// in the fold training now).
public struct TrialProgress: Sendable, Equatable {
  public var epoch: Int
  public var epochs: Int

  public init(epoch: Int, epochs: Int) {
    self.epoch = epoch
    self.epochs = epochs
  }
}
