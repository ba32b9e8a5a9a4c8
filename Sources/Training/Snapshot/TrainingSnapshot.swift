import NN
import Tensor

/// Whether the trainer is running, paused, or done.
public enum TrainingStatus: Sendable, Equatable {
  /// Loading data or building the model.
  case starting
  /// Taking steps.
  case running
  /// Waiting for `resume` or `step`.
  case paused
  /// Finished, with the reason.
  case stopped(StopReason)
}

/// Early stopping's live state, for the dashboard's countdown.
public struct EarlyStoppingStatus: Sendable, Equatable {
  /// The monitored quantity, e.g. `val_loss`.
  public var monitor: String
  /// The best epoch so far (1-based), if any.
  public var bestEpoch: Int?
  /// The best monitored value so far.
  public var bestValue: Double?
  /// The configured patience in epochs.
  public var patience: Int
  /// Epochs left before stopping, counting down from `patience`.
  public var patienceLeft: Int

  public init(monitor: String, bestEpoch: Int?, bestValue: Double?, patience: Int, patienceLeft: Int) {
    self.monitor = monitor
    self.bestEpoch = bestEpoch
    self.bestValue = bestValue
    self.patience = patience
    self.patienceLeft = patienceLeft
  }
}

/// Static facts about the run, fixed at start-up.
public struct RunInfo: Sendable, Equatable {
  /// The dataset's name, e.g. `mnist`.
  public var datasetName: String
  /// The model's description, e.g. `mlp 784-256-128-10 relu`.
  public var modelSummary: String
  /// True for classification, false for regression.
  public var isClassification: Bool
  /// The number of epochs planned.
  public var totalEpochs: Int
  public var stepsPerEpoch: Int
  public var batchSize: Int
  /// The run directory, if logging.
  public var runDirectory: String?
  /// The compute engine, e.g. `oneDNN 2.6.3 avx2`, if known.
  public var computeEngine: String?
  /// The class names by class id (empty for regression).
  public var classNames: [String]
  /// True when every sample is an image (the samples pane draws them).
  public var hasImages: Bool
  /// The layers `--freeze` froze, by their readable names (`conv1 16×3×3`).
  public var frozenLayers: [String]
  /// Finished runs drawn as ghost lines beside this one (`--compare`).
  public var comparisons: [ComparisonRun] = []
  /// `--folds`: this fold and the finished ones; nil for a run that is not cross-validated.
  public var crossValidation: CrossValidationStatus?
  /// True for a run read back from its files (`traintop view`): the header says VIEW and the
  /// steering keys are refused.
  public var isRecorded = false

  /// Creates run info.
  public init(
    datasetName: String, modelSummary: String, isClassification: Bool,
    totalEpochs: Int, stepsPerEpoch: Int, batchSize: Int, totalSteps: Int? = nil, runDirectory: String? = nil,
    computeEngine: String? = nil, classNames: [String] = [], hasImages: Bool = false, frozenLayers: [String] = []
  ) {
    self.frozenLayers = frozenLayers
    self.classNames = classNames
    self.hasImages = hasImages
    self.datasetName = datasetName
    self.modelSummary = modelSummary
    self.isClassification = isClassification
    self.totalEpochs = totalEpochs
    self.stepsPerEpoch = stepsPerEpoch
    self.totalSteps = totalSteps ?? totalEpochs * stepsPerEpoch
    self.batchSize = batchSize
    self.runDirectory = runDirectory
    self.computeEngine = computeEngine
  }

  /// The total number of steps planned (epochs × steps per epoch, unless the batch size changed).
  public var totalSteps: Int
}

/// One epoch's metrics.
public struct EpochMetrics: Sendable, Equatable, Codable {
  /// The epoch (1-based).
  public var epoch: Int
  /// Mean training loss over the epoch.
  public var trainLoss: Double
  /// Training accuracy (classification) or R² (regression) over the epoch.
  public var trainMetric: Double
  public var validationLoss: Double
  /// Validation accuracy (classification) or R² (regression).
  public var validationMetric: Double
  /// The learning rate at the end of the epoch.
  public var learningRate: Double
  /// Seconds the epoch took.
  public var seconds: Double
  /// Training samples per second over the epoch.
  public var samplesPerSecond: Double

  /// Creates epoch metrics.
  public init(
    epoch: Int, trainLoss: Double, trainMetric: Double, validationLoss: Double,
    validationMetric: Double, learningRate: Double, seconds: Double, samplesPerSecond: Double
  ) {
    self.epoch = epoch
    self.trainLoss = trainLoss
    self.trainMetric = trainMetric
    self.validationLoss = validationLoss
    self.validationMetric = validationMetric
    self.learningRate = learningRate
    self.seconds = seconds
    self.samplesPerSecond = samplesPerSecond
  }
}

/// An immutable picture of training, published by the trainer and safe to hand across threads.
public struct TrainingSnapshot: Sendable, Equatable {
  /// Static facts about the run.
  public var info: RunInfo
  /// Running, paused or stopped.
  public var status: TrainingStatus = .starting
  /// The current epoch (1-based; 0 before the first).
  public var epoch: Int = 0
  /// Updates taken so far.
  public var step: Int = 0
  /// The optimizer in use.
  public var optimizer: OptimizerKind = .adam
  /// Every hyper-parameter's current value (the learning rate is the one in effect now);
  /// clipping that is off is absent.
  public var hyperparameters: [Hyperparameter: Double] = [:]
  /// The schedule's name and a short description, e.g. `cosine, warmup 1`.
  public var scheduleDescription: String = "constant"
  /// Training samples per second (recent).
  public var samplesPerSecond: Double = 0
  /// Seconds since training started (excluding pauses is not required).
  public var elapsedSeconds: Double = 0
  /// Estimated seconds to the end of the run, if known.
  public var etaSeconds: Double?

  /// Train loss per step (downsampled).
  public var stepLoss = Series()
  /// Learning rate per step (downsampled).
  public var learningRate = Series()
  /// Global gradient L2 norm per step (downsampled).
  public var gradientNorm = Series()
  /// The schedule's upcoming rates from now to the end of the run, as (step, rate) pairs.
  public var upcomingLearningRate: [(step: Int, rate: Double)] = []
  /// Steps at which the user changed the learning rate.
  public var learningRateChanges: [Int] = []
  /// The latest per-layer gradient norms, as (layer name, norm).
  public var layerGradientNorms: [(name: String, norm: Double)] = []
  /// Per-epoch metrics, oldest first: every recent epoch, older ones thinned (`EpochHistory`), so
  /// count epochs with `epochsDone`.
  public var epochs: [EpochMetrics] = []
  /// Epochs finished, a resumed run's earlier ones included: the newest record's epoch number.
  public var epochsDone: Int { epochs.last?.epoch ?? 0 }
  /// Early stopping's state, if enabled.
  public var earlyStopping: EarlyStoppingStatus?
  /// The most recent events, oldest first (bounded).
  public var events: [TrainingEvent] = []
  /// Final test metrics by name (e.g. `test_accuracy`), once training has stopped.
  public var testMetrics: [(name: String, value: Double)] = []
  /// The latest validation pass's confusion matrix and image samples, after the first epoch.
  public var validation: ValidationDetail?
  /// The first convolution's filters `[out, in, kH, kW]` as they are now (convnets only).
  public var filters: Tensor?
  /// When the run pauses by itself (`:run`, `:until`), e.g. `pause in 57 steps`; nil when it will not.
  public var autoPause: String?
  /// An LR finder result waiting for the person (the dashboard shows it as an overlay).
  public var lrFinder: LRFinderResult?
  /// The health alerts raised so far, by kind, the newest kind first (the header's badge).
  public var alerts: [AlertTally] = []

  /// A snapshot of a run that has not started.
  public init(info: RunInfo) { self.info = info }

  /// Equality ignoring the tuple arrays' labels.
  public static func == (a: TrainingSnapshot, b: TrainingSnapshot) -> Bool {
    a.info == b.info && a.status == b.status && a.epoch == b.epoch && a.step == b.step
      && a.optimizer == b.optimizer && a.hyperparameters == b.hyperparameters
      && a.scheduleDescription == b.scheduleDescription
      && a.samplesPerSecond == b.samplesPerSecond && a.elapsedSeconds == b.elapsedSeconds
      && a.etaSeconds == b.etaSeconds && a.stepLoss == b.stepLoss && a.learningRate == b.learningRate
      && a.gradientNorm == b.gradientNorm
      && a.upcomingLearningRate.map(\.step) == b.upcomingLearningRate.map(\.step)
      && a.upcomingLearningRate.map(\.rate) == b.upcomingLearningRate.map(\.rate)
      && a.learningRateChanges == b.learningRateChanges
      && a.layerGradientNorms.map(\.name) == b.layerGradientNorms.map(\.name)
      && a.layerGradientNorms.map(\.norm) == b.layerGradientNorms.map(\.norm)
      && a.epochs == b.epochs && a.earlyStopping == b.earlyStopping && a.events == b.events
      && a.testMetrics.map(\.name) == b.testMetrics.map(\.name)
      && a.testMetrics.map(\.value) == b.testMetrics.map(\.value)
      && a.validation == b.validation && a.filters == b.filters && a.autoPause == b.autoPause
      && a.lrFinder == b.lrFinder && a.alerts == b.alerts
  }
}
