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
}

/// A new learning rate: an absolute value, or a factor applied to the current one.
public enum LearningRateChange: Sendable, Equatable {
  /// Set the rate to this value.
  case absolute(Double)
  /// Multiply the current rate by this factor.
  case scale(Double)
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
  /// Change the learning rate.
  case setLearningRate(LearningRateChange)
  /// Change momentum (SGD/Nesterov/RMSProp).
  case setMomentum(Double)
  /// Change Adam's β1.
  case setBeta1(Double)
  /// Change Adam's β2.
  case setBeta2(Double)
  /// Change weight decay.
  case setWeightDecay(Double)
  /// Change the L1 penalty λ.
  case setL1(Double)
  /// Change the L2 penalty λ.
  case setL2(Double)
  /// Clip gradients to this global norm; nil turns clipping off.
  case setGradientClip(Double?)
  /// Clip each gradient element to ±value; nil turns it off.
  case setGradientClipValue(Double?)
  /// Switch to another optimizer, carrying over compatible state.
  case setOptimizer(OptimizerKind)
  /// Switch the learning-rate schedule (default parameters for the kind).
  case setSchedule(ScheduleName)
  /// Change early stopping's patience (epochs).
  case setPatience(Int)
  /// Save a checkpoint now, to `path` or the run's `checkpoints/` folder.
  case saveCheckpoint(path: String?)
}
