import NN

/// What an event says, with its values typed (tests assert these, not sentences).
public enum EventDetail: Sendable, Equatable {
  /// A hyper-parameter changed (nil: off).
  case setting(Hyperparameter, old: Double?, new: Double?)
  /// The optimizer changed; `carried` names the state kept.
  case optimizer(old: OptimizerKind, new: OptimizerKind, carried: [String])
  /// The learning-rate schedule changed.
  case schedule(old: String, new: String)
  /// Training paused.
  case paused
  /// Training resumed.
  case resumed
  /// One step was requested while paused.
  case singleStep
  /// A stop was requested.
  case stopRequested(StopReason)
  /// A command was refused; nothing changed.
  case rejected(command: String, reason: String)
  /// Something failed (a log, results or checkpoint write, a restore); the run goes on.
  case failure(String)
  /// A checkpoint was written on request.
  case checkpointSaved(path: String)
  /// `--save-every`: an epoch checkpoint was written, and older ones beyond `--keep-checkpoints` removed.
  case epochCheckpoint(path: String, removed: [String])
  /// Reduce-on-plateau cut the rate.
  case plateau(old: Double, new: Double)
  /// The monitored value reached a new best.
  case best(monitor: String, value: Double)
  /// Early stopping (or divergence) ended the run.
  case earlyStop(StopReason, monitor: String, bestEpoch: Int?)
  /// A step's loss or gradient norm was not finite; its update was skipped.
  case nonFiniteSkipped(loss: Double, gradientNorm: Double, inARow: Int)
  /// A non-finite step stopped the run (`--on-nan stop`).
  case nonFiniteStop(loss: Double, gradientNorm: Double)
  /// The guard rolled back to the last good weights and cut the rate.
  case rolledBack(oldRate: Double, newRate: Double)
  /// Training started.
  case started(model: String, dataset: String, parameters: Int)
  /// `--from`: the weights (and optimizer state) came from this checkpoint, saved at `step`.
  case startedFrom(path: String, step: Int?, resetHead: Bool, optimizer: Bool)
  /// `--replay`: this run applies another run's manual changes at the same steps.
  case replaying(run: String, changes: Int)
  /// Training resumed from a checkpoint.
  case resumedFromCheckpoint(epoch: Int, step: Int)
  /// The best epoch's weights were restored at the end.
  case restoredBest(epoch: Int)
  /// Training finished.
  case finished(StopReason)
  /// `:run`: training resumes and pauses again after the budget.
  case runFor(RunBudget)
  /// `:until`: the condition to pause at (nil: cleared).
  case pauseWhen(PauseCondition?)
  /// The trainer paused by itself: the budget is spent, or the condition met (with the value).
  case autoPaused(String)
  /// `u`: the state before `change` (made at `step`) is back.
  case undone(change: String, step: Int)
  /// The LR finder ran on a copy of the weights; its suggestions.
  case lrFound([LRSuggestion])
  /// The LR finder's result was closed without a change.
  case lrFindDiscarded
  /// `:epochs`: the run's length changed.
  case epochsChanged(old: Int, new: Int)
  /// `:dropout`: every dropout layer's rate changed (old: the first layer's).
  case dropoutChanged(old: Double, new: Double, layers: Int)
  /// The health monitor saw something; `action` is what `--on-alert` made of it.
  case alert(HealthAlert, action: AlertAction)
  /// `:batch`: batches of `new` samples from epoch `fromEpoch` (1-based), `stepsPerEpoch` a epoch.
  case batchSizeChanged(old: Int, new: Int, fromEpoch: Int, stepsPerEpoch: Int)
  /// `--lr auto`: the rate the run starts with, from these suggestions (valley, when there is one).
  case automaticLearningRate(Double, [LRSuggestion])
  /// An event read back from a run's `events.jsonl` (`traintop view`): its kind, text and change as
  /// they were written.
  case recorded(EventRecord)
  /// `:fork`: the run's state was copied for a second trainer that continues beside it.
  case forkPoint
  /// `--folds`: this run is fold `fold` (1-based) of `folds`, trained on `trainRows` and validated
  /// on the `validationRows` held out.
  case crossValidationFold(fold: Int, folds: Int, trainRows: Int, validationRows: Int)
  /// `--folds`: an earlier fold's result, shown in the next fold's events (the finished folds' table).
  case foldResult(fold: Int, monitor: String, value: Double, epochs: Int)

  /// The class of event this is.
  public var kind: EventKind {
    switch self {
    case .setting, .optimizer, .schedule, .paused, .resumed, .singleStep, .stopRequested, .runFor, .pauseWhen,
      .autoPaused, .undone, .lrFound, .lrFindDiscarded, .automaticLearningRate, .epochsChanged, .dropoutChanged,
      .batchSizeChanged:
      .command
    case .rejected, .failure: .rejected
    case .checkpointSaved, .epochCheckpoint: .checkpoint
    case .plateau: .schedule
    case .best: .best
    case .earlyStop, .nonFiniteStop, .finished: .stop
    case .nonFiniteSkipped: .skippedStep
    case .rolledBack: .rollback
    case .started, .resumedFromCheckpoint, .restoredBest, .startedFrom, .replaying, .forkPoint, .crossValidationFold,
      .foldResult:
      .info
    case .alert: .alert
    case .recorded(let record): record.kind
    }
  }

  /// The changed setting with its old and new values as text, for `events.jsonl`.
  public var change: (name: String, old: String, new: String)? {
    switch self {
    case .setting(let knob, let old, let new): (knob.optionName, knob.format(old), knob.format(new))
    case .optimizer(let old, let new, _): ("optimizer", old.rawValue, new.rawValue)
    case .schedule(let old, let new): ("schedule", old, new)
    case .epochsChanged(let old, let new): ("epochs", String(old), String(new))
    case .batchSizeChanged(let old, let new, _, _): ("batch-size", String(old), String(new))
    case .undone(let change, _): ("undo", change, "")
    case .dropoutChanged(let old, let new, _): ("dropout", Format.compact(old), Format.compact(new))
    case .plateau(let old, let new), .rolledBack(let old, let new):
      (Hyperparameter.learningRate.optionName, Format.rate(old), Format.rate(new))
    case .recorded(let record): record.setting.map { ($0, record.old ?? "", record.new ?? "") }
    default: nil
    }
  }

  /// A changed number's new value at full precision (`change` shows it rounded), for `--replay`.
  public var newValue: Double? {
    switch self {
    case .setting(_, _, let new): new
    case .epochsChanged(_, let new): Double(new)
    case .dropoutChanged(_, let new, _): new
    case .batchSizeChanged(_, let new, _, _): Double(new)
    case .plateau(_, let new), .rolledBack(_, let new): new
    case .recorded(let record): record.value
    default: nil
    }
  }
}
