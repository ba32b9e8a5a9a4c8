import NN

/// Why training stopped.
public enum StopReason: String, Codable, Sendable, CaseIterable {
  /// Early stopping: the monitored value did not improve for `patience` epochs.
  case patienceExhausted = "patience exhausted"
  /// The monitored value crossed the divergence threshold (Lightning).
  case divergence
  /// The loss or gradient was not finite.
  case nonFinite = "non-finite"
  /// The user asked to stop now.
  case manual
  /// All epochs ran.
  case epochsDone = "epochs done"
  /// SIGINT or SIGTERM.
  case interrupted
  /// A health alert whose `--on-alert` action is `stop`.
  case alert
  /// A search's pruner judged the trial unpromising (`traintop search --pruner`).
  case pruned
}

/// Where a command came from, recorded with its event.
public enum CommandSource: String, Codable, Sendable {
  /// A dashboard key.
  case key
  /// The dashboard's `:` prompt.
  case prompt
  /// The configuration (file or flags) at start-up.
  case config
  /// A signal (SIGINT/SIGTERM).
  case signal
  /// A suggestion of the LR finder, applied from the dashboard.
  case lrFind = "lr-find"
  /// A health alert acting as `--on-alert` says.
  case alert
  /// `--replay`: a change recorded in another run's events, applied at the same step.
  case replay
}

/// A request the trainer applies between two steps, never mid-step.
public enum TrainerCommand: Sendable, Equatable {
  /// Pause after the current step.
  case pause
  /// Resume after a pause.
  case resume
  /// Take exactly one step while paused.
  case step
  /// Stop now (restore best weights if configured, evaluate on test, write logs).
  case stop(StopReason)
  /// Set a hyper-parameter (nil turns clipping off); the table says what is valid.
  case set(Hyperparameter, Double?)
  /// Multiply the learning rate by this factor (the ↑/↓ keys, `lr *0.5`).
  case scaleLearningRate(Double)
  /// Switch to another optimizer, carrying over compatible state.
  case setOptimizer(OptimizerKind)
  /// Switch the learning-rate schedule (default parameters for the kind).
  case setSchedule(ScheduleName)
  /// Save a checkpoint now, to `path` or the run's `checkpoints/` folder.
  case saveCheckpoint(path: String?)
  /// Resume, and pause again after this many steps or epochs (`:run 100`, `:run 2e`).
  case run(RunBudget)
  /// Pause at the first epoch end where the condition holds; nil clears it (`:until off`).
  case pauseWhen(PauseCondition?)
  /// Go back to the state before the last manual change (`u`, `:undo`).
  case undo
  /// Run the LR range test on a copy of the current weights and wait with the result (`f`, `:lr-find`).
  case findLearningRate
  /// Close the LR finder's result: apply this rate (nil: discard), then go on as before.
  case finishLRFind(apply: Double?)
  /// Make the run last this many epochs in all (`:epochs 20`); the schedule keeps its length.
  case setEpochs(Int)
  /// Set the rate of every dropout layer (`:dropout 0.1`).
  case setDropout(Double)
  /// Cut batches of this size from the next epoch on, or now at an epoch boundary (`:batch 256`).
  case setBatchSize(Int)
  /// `:fork …`: hand an exact copy of the run's state (an in-memory checkpoint) to the channel, from
  /// which a second trainer continues with a change (`TrainerChannel.takeFork`).
  case fork
}
