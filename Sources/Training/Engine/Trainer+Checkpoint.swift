import Datasets
import Foundation
import NN
import Tensor

/// The resumable state a checkpoint stores besides tensors, as JSON in safetensors metadata.
/// `epochs` holds at most `Trainer.resumeHistoryLimit` recent epochs (metrics.csv has them all),
/// so a checkpoint's size and the cost of writing it do not grow with the run.
struct ResumeState: Codable {
  var progress: Progress
  var rng: SeededGenerator
  var optimizer: OptimizerKind
  var settings: OptimizerSettings
  var optimizerSteps: Int
  var schedule: LearningRateSchedule
  var earlyStopping: EarlyStopping
  var regularization: RegularizationSettings
  var accumulator: EpochAccumulator
  var epochs: [EpochMetrics]
  var learningRateChanges: [Int]
  /// The batch size in effect, if `:batch` changed it (nil in checkpoints from before `:batch`).
  var batchSize: Int?
  /// Each dropout layer's rate, if `:dropout` changed them (nil in older checkpoints).
  var dropoutRates: [Double]?
  /// How many of the run's scheduled changes (`--replay`, `[[change]]`) were made (nil: none, or
  /// an older checkpoint).
  var replayApplied: Int?
}

extension Trainer {
  /// The most recent epochs a checkpoint carries for the charts after a resume.
  static let resumeHistoryLimit = 100

  /// Writes the run's `best` or `last` checkpoint atomically; a failure becomes an event.
  func saveCheckpoint(_ kind: CheckpointKind) {
    guard let url = runLog?.checkpointURL(kind) else { return }
    do {
      try makeCheckpoint().save(to: url)
    } catch {
      record(.failure("\(kind.rawValue) checkpoint not saved: \(error)"))
    }
  }

  /// The current state as a checkpoint.
  func makeCheckpoint() throws -> Checkpoint {
    let state = ResumeState(
      progress: progress, rng: engine.rng, optimizer: optimizer.kind, settings: optimizer.settings,
      optimizerSteps: optimizer.stepCount, schedule: schedule, earlyStopping: earlyStopping,
      regularization: regularization, accumulator: accumulator,
      epochs: Array(epochHistory.records.suffix(Self.resumeHistoryLimit)),
      learningRateChanges: learningRateChanges,
      batchSize: sampler.batchSize == configuration.batchSize ? nil : sampler.batchSize,
      dropoutRates: dropoutLayers.isEmpty ? nil : dropoutLayers.map(\.rate),
      replayApplied: replayApplied == 0 ? nil : replayApplied)
    var checkpoint = Checkpoint(
      model: model.stateTensors(), optimizerState: optimizer.exportState(model.parameters))
    checkpoint[.resume] = try TrainingJSON.string(state)
    try checkpoint.setJSON(configuration, for: .config)
    checkpoint.epoch = progress.epoch
    checkpoint.step = progress.step
    checkpoint[.optimizerKind] = optimizer.kind.rawValue
    return checkpoint
  }

  /// Restores everything a checkpoint holds, so the run continues exactly where it was saved.
  public func restore(from checkpoint: Checkpoint) throws {
    guard let json = checkpoint[.resume] else {
      throw TrainerError.checkpointMissing(Checkpoint.Key.resume.rawValue)
    }
    let state = try TrainingJSON.value(ResumeState.self, from: json)
    try check(state)
    if let size = state.batchSize {
      sampler = EpochSampler(count: dataset.train.count, batchSize: size, seed: configuration.seed)
    }
    for (layer, rate) in zip(dropoutLayers, state.dropoutRates ?? []) { layer.rate = rate }
    try model.loadState(from: checkpoint.model)
    optimizer = makeOptimizer(state.optimizer, settings: state.settings)
    try optimizer.importState(
      checkpoint.optimizerState, stepCount: state.optimizerSteps, parameters: model.parameters)
    progress = state.progress
    engine.rng = state.rng
    schedule = state.schedule
    earlyStopping = state.earlyStopping
    regularization = state.regularization
    accumulator = state.accumulator
    accumulator.startTime = Date().timeIntervalSince1970
    accumulator.pausedSeconds = 0
    epochHistory = EpochHistory(restoring: state.epochs)
    learningRateChanges = state.learningRateChanges
    replayApplied = state.replayApplied ?? 0
    replay.changes.removeFirst(replayApplied)
    record(.resumedFromCheckpoint(epoch: progress.epoch, step: progress.step))
  }

  /// Rejects resume state that does not fit this run: a file is input like any other, and these
  /// numbers index batches, size schedules and count steps.
  func check(_ state: ResumeState) throws(TrainerError) {
    func fail(_ what: String) -> TrainerError { .badResumeState(what) }
    if let size = state.batchSize, !(1...Self.largestBatch).contains(size) {
      throw fail("batch size \(size) is outside 1…\(Self.largestBatch)")
    }
    if let applied = state.replayApplied, !(0...replay.changes.count).contains(applied) {
      throw fail("\(applied) scheduled changes were made, but the run schedules \(replay.changes.count)")
    }
    if let rates = state.dropoutRates {
      guard rates.count == dropoutLayers.count, rates.allSatisfy({ $0 >= 0 && $0 < 1 }) else {
        throw fail("dropout rates \(rates) do not fit the model's \(dropoutLayers.count) dropout layers")
      }
    }
    let batchSize = state.batchSize ?? sampler.batchSize
    let steps = EpochSampler(count: dataset.train.count, batchSize: batchSize, seed: configuration.seed).batchesPerEpoch
    let p = state.progress
    guard (0...configuration.epochs).contains(p.epoch) else {
      throw fail("epoch \(p.epoch) is outside 0…\(configuration.epochs)")
    }
    guard (0..<max(1, steps)).contains(p.batchInEpoch) else {
      throw fail("batch \(p.batchInEpoch) of an epoch of \(steps) batches")
    }
    // Skipped (non-finite) batches count as batches but not as steps; after a `:batch` change the
    // epochs before it had another count, but never more steps than samples.
    let mostSteps = p.epoch * (state.batchSize == nil ? steps : max(steps, dataset.train.count)) + p.batchInEpoch
    guard (0...mostSteps).contains(p.step) else {
      throw fail("step \(p.step) does not fit epoch \(p.epoch) and batch \(p.batchInEpoch)")
    }
    guard (0...p.step).contains(state.optimizerSteps) else {
      throw fail("optimizer step count \(state.optimizerSteps) is outside 0…\(p.step)")
    }
    // The schedule keeps the step count it was made with when `:batch` changes the batch size.
    let scheduled = sampler.batchesPerEpoch
    guard state.schedule.stepsPerEpoch == scheduled, (1...10_000_000).contains(state.schedule.totalEpochs) else {
      throw fail("the schedule was made for \(state.schedule.stepsPerEpoch) steps per epoch, this run has \(scheduled)")
    }
    guard state.earlyStopping.patience >= 0, state.earlyStopping.startFromEpoch >= 0 else {
      throw fail("early stopping's patience or start epoch is negative")
    }
    let rate = state.schedule.rate(atStep: p.step)
    guard Hyperparameter.learningRate.range.contains(rate) || rate == 0 else {
      throw fail("learning rate \(rate)")
    }
  }
}

/// Errors the trainer reports (never traps).
public enum TrainerError: Error, CustomStringConvertible {
  /// A checkpoint lacks a metadata key traintop needs to resume.
  case checkpointMissing(String)
  /// The checkpoint's resume state does not fit the run (the text says what).
  case badResumeState(String)

  /// A one-line message.
  public var description: String {
    switch self {
    case .checkpointMissing(let key): return "checkpoint has no '\(key)' metadata: not a traintop checkpoint?"
    case .badResumeState(let what): return "damaged resume state: \(what)"
    }
  }
}

extension Trainer {
  /// `--from`: starts this run from another run's checkpoint: its weights (all but the classifier
  /// head with `resetHead`), and with `optimizer` its optimizer state, which must be of this run's
  /// kind. The step counter starts at 0; an event says where the weights came from.
  ///
  /// - Throws: `ModelStateError` (a tensor missing or of another shape, named) or a
  ///   `TrainerError` for an optimizer of another kind; nothing is changed then.
  public func start(from checkpoint: Checkpoint, path: String, resetHead: Bool, optimizer withOptimizer: Bool) throws {
    let skipped = resetHead ? model.headParameterNames : []
    let before = model.stateTensors()
    try model.loadState(from: checkpoint.model, skipping: skipped)
    if withOptimizer {
      do {
        let kind = checkpoint[.optimizerKind].flatMap(OptimizerKind.init(rawValue:))
        guard kind == optimizer.kind else {
          throw TrainerError.badResumeState(
            "--from-optimizer: the checkpoint's optimizer is \(kind?.rawValue ?? "unknown"), this run's "
              + optimizer.kind.rawValue)
        }
        guard !resetHead else {
          throw TrainerError.badResumeState("--from-optimizer cannot carry state for a head --reset-head replaces")
        }
        let state = checkpoint[.resume].flatMap {
          try? TrainingJSON.decoder().decode(ResumeState.self, from: Data($0.utf8))
        }
        try optimizer.importState(
          checkpoint.optimizerState, stepCount: state?.optimizerSteps ?? 0, parameters: model.parameters)
      } catch {
        try? model.loadState(from: before)
        throw error
      }
    }
    record(.startedFrom(path: path, step: checkpoint.step, resetHead: resetHead, optimizer: withOptimizer))
    if configuration.onNonFinite == .rollback { rememberGoodState() }
  }
}
