import Datasets
import NN

/// What to do when a step's loss or gradient is NaN or infinite.
public enum NonFinitePolicy: String, Codable, Sendable, CaseIterable {
  /// Skip bad updates; after `nonFiniteLimit` in a row roll back to the last good weights and cut the rate.
  case rollback
  /// Stop training with reason `.nonFinite` at the first bad step.
  case stop
  /// Skip bad updates and carry on.
  case ignore
}

/// Everything a training run needs besides the data, fully resolved (written to config.json).
public struct TrainerConfiguration: Codable, Sendable, Equatable {
  /// The model architecture.
  public var model: ModelSpec
  /// The loss; nil picks cross-entropy for classification and MSE for regression.
  public var loss: LossKind?
  /// Label smoothing for cross-entropy.
  public var labelSmoothing: Double = 0
  /// The optimizer kind.
  public var optimizer: OptimizerKind = .adam
  /// The optimizer's hyper-parameters (the learning rate is the schedule's base rate).
  public var settings = OptimizerSettings()
  /// L1 penalty λ on weights.
  public var l1: Double = 0
  /// L2 penalty λ on weights.
  public var l2: Double = 0
  /// Clip gradients to this global L2 norm.
  public var clipNorm: Double?
  /// Clip each gradient element to ±this value.
  public var clipValue: Double?
  /// Mini-batch size (1 = stochastic, the full set = batch gradient descent).
  public var batchSize: Int = 128
  /// Epochs to run.
  public var epochs: Int = 10
  /// The learning-rate schedule.
  public var schedule: ScheduleName = .constant
  /// The schedule's parameters (step size, γ, floor, restarts, one-cycle shape).
  public var scheduleParameters = ScheduleParameters()
  /// Reduce-on-plateau's parameters (Keras semantics by default).
  public var plateau = ReduceOnPlateau()
  /// Linear warm-up length in epochs (0 = none), combinable with any schedule.
  public var warmupEpochs: Int = 0
  /// Warm-up length in steps instead of epochs (Hugging Face's `num_warmup_steps`), if set.
  public var warmupSteps: Int?
  /// The warm-up starts at this fraction of the rate (PyTorch `LinearLR`'s `start_factor`; 0.1).
  public var warmupStartFactor: Double?
  public var earlyStopping = EarlyStopping()
  /// Whether early stopping is enabled at all.
  public var earlyStoppingEnabled = true
  /// The non-finite guard's policy.
  public var onNonFinite: NonFinitePolicy = .rollback
  /// Bad steps in a row before a rollback.
  public var nonFiniteLimit: Int = 3
  /// The factor applied to the learning rate at a rollback.
  public var rollbackFactor: Double = 0.5
  /// Write every Nth step to steps.jsonl (0: none; nil: every step).
  public var logStepsEvery: Int?
  /// Layers that get no update (`--freeze`): indices into the model's layers or short names (`conv1`).
  public var freeze: [String]?
  /// Keep `checkpoints/epoch-N.safetensors` every this many epochs (nil: none).
  public var saveEvery: Int?
  /// Of those, keep only the newest this many (nil: all).
  public var keepCheckpoints: Int?
  /// Compute threads for the trainer's thread (nil: leave the thread's setting as it is).
  public var threads: Int?
  /// The seed for initialisation, dropout, shuffling and augmentation.
  public var seed: UInt64 = 42
  /// Maximum snapshot publications per second.
  public var publishRate: Double = 20
  /// Pause (and wait for the user) after a rollback; only sensible with a dashboard.
  public var pauseOnRollback = false
  /// The health monitor's thresholds and actions (nil: the defaults, as in a config written before
  /// alerts existed).
  public var alerts: HealthSettings?

  /// A configuration for `model` with defaults for everything else.
  public init(model: ModelSpec) {
    self.model = model
  }

  /// The loss to train and evaluate with: the configured one, else cross-entropy for
  /// classification and MSE for regression.
  public func makeLoss(for task: DatasetTask) -> any Loss {
    let kind = loss ?? (task.isClassification ? .crossEntropy : .mse)
    return kind.makeLoss(labelSmoothing: labelSmoothing)
  }
}
