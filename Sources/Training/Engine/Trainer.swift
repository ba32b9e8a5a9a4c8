import Datasets
import Foundation
import NN
import Tensor

/// Trains a model on a dataset, steered through a `TrainerChannel`; owns everything it trains.
///
/// Only the thread that calls `run()` touches the model, optimizer, schedule,
/// early stopping and history. Everything else talks to it through the channel:
/// commands go in (applied between two steps, in order), snapshots come out.
public final class Trainer {
  /// The resolved configuration the run started with.
  public let configuration: TrainerConfiguration
  /// The data.
  public let dataset: Dataset
  /// The channel to the UI (or the headless printer).
  public let channel: TrainerChannel
  /// The run directory's logs, if logging.
  public let runLog: RunLog?
  /// The step's maths: model, optimizer, loss, regularisation, dropout's generator.
  let engine: StepEngine
  /// The learning-rate schedule.
  public internal(set) var schedule: LearningRateSchedule
  /// Early stopping's state.
  public internal(set) var earlyStopping: EarlyStopping
  /// Bounded per-step history.
  public internal(set) var history = History()

  /// Cuts each epoch's permutation into batches; replaced (same seed, same order) by `:batch`.
  var sampler: EpochSampler
  /// A `:batch` size waiting for the next epoch boundary.
  var pendingBatchSize: Int?
  var augmenter: Augmenter?
  var progress = Progress()
  var status: TrainingStatus = .starting
  var pendingSteps = 0
  /// `:run` and `:until`: when to pause by itself.
  var autoPause = AutoPause()
  /// The states before the last manual changes, newest last (`u` pops one).
  var undoPoints: [UndoPoint] = []
  /// An LR finder result waiting to be applied or discarded.
  var lrFinder: LRFinderResult?
  /// Watches for loss spikes, stalls, exploding or vanishing gradients, dead units, overfitting
  /// and oscillation.
  var health: HealthMonitor
  /// The parameterised layers' names, in `buffers.layerSquares` order (made once).
  let layerNames: [String]
  /// The layers `--freeze` froze, by their readable names (the gradient pane marks them).
  var frozenLayers: [String] = []
  /// `--compare`: finished runs the dashboard draws as ghost lines.
  public var comparisons: [ComparisonRun] = []
  /// `--folds`: this run's fold and the finished folds (set by `noteCrossValidation`).
  public internal(set) var crossValidation: CrossValidationStatus?
  /// A search's pruner: called on the trainer's thread with each epoch's metrics; true stops the
  /// run there as `pruned`, before another step is taken.
  public var epochJudge: (@Sendable (EpochMetrics) -> Bool)?
  /// `--replay`: another run's manual changes, applied at the steps they were made at.
  public var replay = ReplayScript()
  /// How many of `replay`'s changes were made (and removed from it); checkpoints keep the count.
  var replayApplied = 0
  /// The epochs the run lasts: the configuration's, until `:epochs` changes it.
  var totalEpochs: Int
  var stopReason: StopReason?
  var buffers = StepBuffers()
  var accumulator = EpochAccumulator()
  var guardState = NonFiniteGuardState()
  var bestWeights: [String: Tensor]?
  var epochHistory = EpochHistory()
  var learningRateChanges: [Int] = []
  var testMetrics: [(name: String, value: Double)] = []
  var publishClock = PublishClock()
  var recorder: EventRecorder
  /// Samples per second shown while paused (the clock stops, so the rate is frozen at the pause).
  var pausedSamplesPerSecond: Double = 0
  var testEvaluation: Evaluation?
  /// The latest validation pass's confusion matrix and image samples (classification only).
  var lastValidation: ValidationDetail?
  /// A failure that must end the run with an error (a restore that did not work), if any.
  public internal(set) var failure: String?
  let startTime = Date()

  /// The patience that means "never stop" (early stopping off, best epoch still tracked).
  static let patienceOff = Int.max / 2

  /// Builds the model, optimizer and schedule for `dataset` from `configuration`.
  public init(
    configuration: TrainerConfiguration, dataset: Dataset,
    channel: TrainerChannel = TrainerChannel(), runLog: RunLog? = nil,
    augmenter: Augmenter? = nil
  ) {
    self.augmenter = augmenter
    self.configuration = configuration
    totalEpochs = configuration.epochs
    self.dataset = dataset
    self.channel = channel
    self.runLog = runLog
    recorder = EventRecorder(runLog: runLog)
    engine = StepEngine(configuration: configuration, task: dataset.task)
    let model = engine.model
    layerNames = model.parameterGroups.map(\.name)
    health = HealthMonitor(settings: configuration.alerts ?? HealthSettings())
    model.trackActivity(health.watchesDeadUnits)
    if let freeze = configuration.freeze {
      do { frozenLayers = try model.freeze(freeze) } catch { failure = "--freeze: \(error)" }
    }
    sampler = EpochSampler(
      count: dataset.train.count, batchSize: configuration.batchSize, seed: configuration.seed)
    schedule = LearningRateSchedule(
      name: configuration.schedule, baseRate: configuration.settings.learningRate,
      stepsPerEpoch: sampler.batchesPerEpoch, totalEpochs: configuration.epochs,
      warmupEpochs: configuration.warmupEpochs, warmupSteps: configuration.warmupSteps,
      warmupStartFactor: configuration.warmupStartFactor ?? 0.1, parameters: configuration.scheduleParameters,
      plateau: configuration.plateau)
    earlyStopping = configuration.earlyStopping
    if !configuration.earlyStoppingEnabled {
      // Still track the best epoch (for best.safetensors), but never stop.
      earlyStopping.patience = Self.patienceOff
      earlyStopping.checkFinite = false
      earlyStopping.divergenceThreshold = nil
    }
    startTensorBoard()
  }

  /// The model being trained (the engine's).
  public var model: Sequential { engine.model }

  /// The optimizer in use (the engine's; replaced when the kind changes).
  public internal(set) var optimizer: any Optimizer {
    get { engine.optimizer }
    set { engine.optimizer = newValue }
  }

  /// Regularisation and clipping (the engine's; commands change them).
  var regularization: RegularizationSettings {
    get { engine.regularization }
    set { engine.regularization = newValue }
  }

  /// Measures the model under the run's loss (used at epoch ends and for the test split).
  public var evaluator: Evaluator { Evaluator(model: model, loss: engine.loss, task: dataset.task) }

  /// False when patience is off: the best epoch is still tracked, but nothing stops the run.
  var earlyStoppingIsOn: Bool { earlyStopping.patience < Self.patienceOff }

  /// Static facts about this run, for snapshots.
  public var info: RunInfo {
    var info = RunInfo(
      datasetName: dataset.name, modelSummary: headerModelSummary,
      isClassification: dataset.task.isClassification, totalEpochs: totalEpochs,
      stepsPerEpoch: sampler.batchesPerEpoch, batchSize: sampler.batchSize, totalSteps: totalSteps,
      runDirectory: runLog?.directory.path, computeEngine: ComputeEngine.summary, classNames: dataset.classNames,
      hasImages: dataset.imageShape != nil, frozenLayers: frozenLayers)
    info.comparisons = comparisons
    info.crossValidation = crossValidation
    return info
  }

  /// The model as the header names it: an MLP by its sizes (`mlp 784-256-10 relu`), a layer stack by
  /// its weighted layers (`conv1 16×3×3 · conv2 32×3×3 · dense1 10`); events keep the full description.
  var headerModelSummary: String {
    guard configuration.model.layers != nil else { return configuration.model.description }
    return model.parameterGroups.map(\.name).joined(separator: " · ")
  }

  /// The steps the run will have taken at its end: those up to this epoch's start, then whole epochs
  /// at the current batch size (exact across `:batch` and `:epochs` changes; a skipped non-finite
  /// batch counts as a batch, not a step).
  var totalSteps: Int {
    progress.step - progress.batchInEpoch + max(0, totalEpochs - progress.epoch) * sampler.batchesPerEpoch
  }

  /// The global step count so far.
  public var step: Int { progress.step }

  /// Epochs completed so far (also after a resume, whose epoch list holds only recent ones).
  public var completedEpochs: Int { progress.epoch }

  /// Why training stopped, once it has.
  public var finalStopReason: StopReason? { stopReason }

  /// The per-epoch metrics so far: every recent epoch, older ones thinned (`EpochHistory`).
  public var epochs: [EpochMetrics] { epochHistory.records }

  /// The final test metrics, once training has stopped.
  public var finalTestMetrics: [(name: String, value: Double)] { testMetrics }

  /// Runs until the epochs are done, early stopping fires, or a stop command arrives; then finishes.
  public func run() {
    train(untilStep: nil)
    finish(reason: stopReason ?? .epochsDone)
  }

  /// Trains until global step `limit` (or the end of training), without the final test and logs.
  ///
  /// `run()` is `train(untilStep: nil)` followed by `finish`. Stopping at a given step
  /// and resuming from a checkpoint is how exact resume is tested.
  public func train(untilStep limit: Int?) {
    if status == .starting {
      if let threads = configuration.threads { ComputeEngine.setThreads(threads) }
      status = .running
      record(.started(model: configuration.model.description, dataset: dataset.name, parameters: model.parameterCount))
      if configuration.onNonFinite == .rollback { rememberGoodState() }
      publish(force: true)
    }
    while progress.epoch < totalEpochs, stopReason == nil {
      if let limit, progress.step >= limit { return }
      runEpoch(untilStep: limit)
    }
  }

  /// Runs the rest of the current epoch (or up to step `limit`), then its end-of-epoch work.
  func runEpoch(untilStep limit: Int?) {
    if progress.batchInEpoch == 0 {
      applyPendingBatchSize()
      accumulator.reset()
      model.resetActivity()
    }
    // Read afresh each step: a `:batch` at the epoch's start changes it.
    while progress.batchInEpoch < sampler.batchesPerEpoch {
      if let limit, progress.step >= limit { return }
      guard waitUntilAllowedToStep() else { return }
      trainStep(batchIndex: progress.batchInEpoch)
      progress.batchInEpoch += 1
      if stopReason != nil { return }
      if let target = autoPause.atStep, progress.step >= target {
        autoPause.atStep = nil
        pauseByItself(because: "\(progress.step) steps reached")
      }
      publish(force: false)
    }
    endEpoch()
  }

  /// Applies queued commands and blocks while paused; false when training must stop.
  func waitUntilAllowedToStep() -> Bool {
    applyReplayedChanges()
    applyQueuedCommands()
    if status == .paused, pendingSteps == 0 { waitWhilePaused() }
    if pendingSteps > 0 { pendingSteps -= 1 }
    return stopReason == nil
  }

  /// Pauses without a command (a `:run` budget spent, an `:until` condition met) and says why.
  func pauseByItself(because reason: String) {
    guard status == .running else { return }
    status = .paused
    record(.autoPaused(reason))
    publish(force: true)
  }

  /// Blocks until a resume, a single step or a stop arrives; the time spent is left out of samples/s.
  func waitWhilePaused() {
    pausedSamplesPerSecond = currentSamplesPerSecond()
    let pauseStart = Date()
    while status == .paused, pendingSteps == 0, stopReason == nil {
      publish(force: false)
      channel.waitForCommand(timeout: 0.1)
      applyQueuedCommands()
    }
    accumulator.pausedSeconds += Date().timeIntervalSince(pauseStart)
  }

  /// Ends the run: best weights, test evaluation, logs, the final snapshot.
  func finish(reason: StopReason) {
    stopReason = reason
    restoreBestWeightsIfAsked()
    testMetrics = evaluateTest()
    checkTheRunLearned()
    status = .stopped(reason)
    record(.finished(reason))
    writeResults(reason: reason)
    saveCheckpoint(.last)
    endTensorBoard(reason: reason)
    writeLog { try $0.flush() }
    publish(force: true)
    channel.finish()
  }

  /// With `--restore-best`, puts the best epoch's weights back before the test evaluation.
  func restoreBestWeightsIfAsked() {
    guard configuration.earlyStoppingEnabled, configuration.earlyStopping.restoreBestWeights,
      let best = bestWeights
    else { return }
    do {
      try model.loadState(from: best)
      record(.restoredBest(epoch: earlyStopping.status.bestEpoch ?? 0))
    } catch {
      fail("restoring the best weights failed: \(error)")
    }
  }

  /// A run that took no step, or ends with non-finite metrics, did not succeed: it ends with an
  /// error exit and says why (its files are still written).
  func checkTheRunLearned() {
    if progress.step == 0, stopReason != .manual, stopReason != .interrupted {
      fail("no step could be taken: every loss or gradient was non-finite (try a smaller --lr, --l1 or --l2)")
    } else if let bad = testMetrics.first(where: { !$0.value.isFinite }) {
      fail("the final \(bad.name) is \(Format.compact(bad.value)): the model diverged")
    } else if let last = epochHistory.last, !last.trainLoss.isFinite {
      fail("the final training loss is \(Format.compact(last.trainLoss)): the model diverged")
    }
  }

  /// Records a failure that must end the run with an error exit, keeping the first one.
  func fail(_ message: String) {
    record(.failure(message))
    if failure == nil { failure = message }
  }
}
