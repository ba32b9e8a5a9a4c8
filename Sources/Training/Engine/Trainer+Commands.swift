import Datasets
import Foundation
import NN
import Tensor

/// Why a command was refused; nothing changed.
struct CommandRejection: Error {
  let reason: String
}

extension Trainer {
  /// Applies every queued command, in order.
  func applyQueuedCommands() {
    for (command, source) in channel.drainCommands() {
      apply(command, source: source)
    }
  }

  /// Applies one command (between two steps) and records what changed as an event.
  public func apply(_ command: TrainerCommand, source: CommandSource) {
    let before = Self.isUndoable(command) ? undoPoint() : nil
    switch change(for: command) {
    case .success(let detail?):
      if let before { remember(before, before: detail) }
      record(detail, source: source)
    case .success(nil): break
    case .failure(let rejection): record(.rejected(command: command.name, reason: rejection.reason), source: source)
    }
    publish(force: true)
  }

  /// Applies `command`; returns what changed (nil: nothing to report) or why it was refused.
  func change(for command: TrainerCommand) -> Result<EventDetail?, CommandRejection> {
    switch command {
    case .pause:
      guard status == .running else { return .success(nil) }
      status = .paused
      return .success(.paused)
    case .resume:
      guard status == .paused else { return .success(nil) }
      status = .running
      return .success(.resumed)
    case .step:
      guard status == .paused else { return .failure(CommandRejection(reason: "single step only while paused")) }
      pendingSteps += 1
      return .success(.singleStep)
    case .stop(let reason):
      stopReason = reason
      return .success(.stopRequested(reason))
    case .set(let knob, let value):
      if let reason = knob.violation(value) { return .failure(CommandRejection(reason: reason)) }
      return .success(set(knob, to: value))
    case .scaleLearningRate(let factor):
      return scaleLearningRate(by: factor)
    case .setOptimizer(let kind):
      return .success(switchOptimizer(to: kind))
    case .setSchedule(let name):
      return .success(switchSchedule(to: name))
    case .saveCheckpoint(let path):
      return saveRequested(to: path)
    case .run(let budget):
      return startBudget(budget)
    case .pauseWhen(let condition):
      autoPause.condition = condition
      return .success(.pauseWhen(condition))
    case .undo:
      return undoLastChange()
    case .findLearningRate:
      return findLearningRate()
    case .finishLRFind(let rate):
      return finishLRFind(applying: rate)
    case .setEpochs(let epochs):
      return setEpochs(epochs)
    case .setDropout(let rate):
      return setDropout(rate)
    case .setBatchSize(let size):
      return setBatchSize(size)
    case .fork:
      do {
        channel.deliverFork(try makeCheckpoint())
        return .success(.forkPoint)
      } catch {
        return .failure(CommandRejection(reason: "cannot copy the run's state: \(error)"))
      }
    }
  }

  /// `:epochs N`: the run lasts N epochs in all; at least the epoch in progress (or 1), at most 10^7.
  func setEpochs(_ epochs: Int) -> Result<EventDetail?, CommandRejection> {
    let least = max(1, progress.epoch + (progress.batchInEpoch > 0 ? 1 : 0))
    guard epochs >= least, epochs <= 10_000_000 else {
      return .failure(
        CommandRejection(reason: "expected \(least)…10000000 epochs (\(progress.epoch) done), got \(epochs)"))
    }
    let old = totalEpochs
    guard epochs != old else { return .success(nil) }
    totalEpochs = epochs
    return .success(.epochsChanged(old: old, new: epochs))
  }

  /// `:batch N`: batches of N samples from the next epoch boundary: now, if the epoch has not started
  /// (then the epoch in progress is cut afresh), else when the next one starts. Mid-epoch the
  /// permutation is already half used; cutting its rest differently would work, but the epoch would
  /// then have a step count of neither size, which the schedule, the ETA and resume all count on.
  func setBatchSize(_ size: Int) -> Result<EventDetail?, CommandRejection> {
    guard (1...Self.largestBatch).contains(size) else {
      return .failure(CommandRejection(reason: "expected a batch size in 1…\(Self.largestBatch), got \(size)"))
    }
    let old = pendingBatchSize ?? sampler.batchSize
    guard size != old else { return .success(nil) }
    let atBoundary = progress.batchInEpoch == 0
    let next = EpochSampler(count: dataset.train.count, batchSize: size, seed: configuration.seed)
    pendingBatchSize = size
    if atBoundary { applyPendingBatchSize() }
    return .success(
      .batchSizeChanged(
        old: old, new: size, fromEpoch: progress.epoch + (atBoundary ? 1 : 2), stepsPerEpoch: next.batchesPerEpoch))
  }

  /// Puts a pending `:batch` size into effect (at an epoch boundary).
  func applyPendingBatchSize() {
    guard let size = pendingBatchSize else { return }
    pendingBatchSize = nil
    sampler = EpochSampler(count: dataset.train.count, batchSize: size, seed: configuration.seed)
  }

  /// The largest batch `:batch` and a checkpoint's resume state accept (as `--batch-size`).
  static let largestBatch = 1 << 20

  /// The model's dropout layers, in order.
  var dropoutLayers: [Dropout] { model.layers.compactMap { $0 as? Dropout } }

  /// `:dropout p`: every dropout layer drops with probability p from the next step on.
  func setDropout(_ rate: Double) -> Result<EventDetail?, CommandRejection> {
    let layers = dropoutLayers
    guard let first = layers.first else { return .failure(CommandRejection(reason: "the model has no dropout layer")) }
    guard rate >= 0, rate < 1 else {
      return .failure(CommandRejection(reason: "expected a rate in [0, 1), got \(rate)"))
    }
    let old = first.rate
    for layer in layers { layer.rate = rate }
    return .success(.dropoutChanged(old: old, new: rate, layers: layers.count))
  }

  /// `:run`: resume, and pause again after `budget` steps or epochs.
  func startBudget(_ budget: RunBudget) -> Result<EventDetail?, CommandRejection> {
    switch budget {
    case .steps(let n):
      guard n > 0 else { return .failure(CommandRejection(reason: "expected at least 1 step")) }
      autoPause.atStep = progress.step + n
      autoPause.afterEpoch = nil
    case .epochs(let n):
      guard n > 0 else { return .failure(CommandRejection(reason: "expected at least 1 epoch")) }
      // The epoch in progress counts as the first (a pause at an epoch boundary starts the next).
      autoPause.afterEpoch = progress.epoch + n
      autoPause.atStep = nil
    }
    if status == .paused { status = .running }
    return .success(.runFor(budget))
  }

  /// The current value of `knob` (nil: off).
  public func value(of knob: Hyperparameter) -> Double? {
    switch knob {
    case .learningRate: schedule.rate(atStep: progress.step)
    case .momentum: optimizer.settings.momentum
    case .beta1: optimizer.settings.beta1
    case .beta2: optimizer.settings.beta2
    case .weightDecay: optimizer.settings.weightDecay
    case .l1: regularization.l1
    case .l2: regularization.l2
    case .clipNorm: regularization.clipNorm
    case .clipValue: regularization.clipValue
    case .patience: earlyStoppingIsOn ? Double(earlyStopping.patience) : 0
    case .threads: Double(ComputeEngine.threads)
    }
  }

  /// Sets a valid value and returns the change. A new learning rate rescales the schedule so
  /// its curve continues from it; patience 0 turns early stopping off.
  func set(_ knob: Hyperparameter, to value: Double?) -> EventDetail {
    let old = self.value(of: knob)
    switch knob {
    case .learningRate:
      let rate = value ?? old ?? 0
      schedule.rescale(to: rate, atStep: progress.step)
      optimizer.settings.learningRate = rate
      learningRateChanges.append(progress.step)
    case .momentum: optimizer.settings.momentum = value ?? 0
    case .beta1: optimizer.settings.beta1 = value ?? 0
    case .beta2: optimizer.settings.beta2 = value ?? 0
    case .weightDecay: optimizer.settings.weightDecay = value ?? 0
    case .l1: regularization.l1 = value ?? 0
    case .l2: regularization.l2 = value ?? 0
    case .clipNorm: regularization.clipNorm = value
    case .clipValue: regularization.clipValue = value
    case .patience:
      let epochs = Int(value ?? 0)  // whole and bounded: checked against the table's range
      earlyStopping.patience = epochs == 0 ? Self.patienceOff : epochs
    case .threads: ComputeEngine.setThreads(Int(value ?? 1))  // whole and bounded by the table
    }
    return .setting(knob, old: old, new: self.value(of: knob))
  }

  /// `lr *f`: the current rate times `factor`, if that is still a usable rate.
  func scaleLearningRate(by factor: Double) -> Result<EventDetail?, CommandRejection> {
    let old = value(of: .learningRate) ?? 0
    let new = old * factor
    guard factor.isFinite, factor > 0, Hyperparameter.learningRate.range.contains(new) else {
      let reason = "lr \(Format.rate(old)) × \(Format.compact(factor)) is not a usable rate"
      return .failure(CommandRejection(reason: reason))
    }
    return .success(set(.learningRate, to: new))
  }

  /// Switches optimizer kind, carrying over the state that means the same thing.
  func switchOptimizer(to kind: OptimizerKind) -> EventDetail? {
    let old = optimizer.kind
    guard kind != old else { return nil }
    let switched = NN.switchOptimizer(from: optimizer, to: kind, parameters: model.parameters)
    optimizer = switched.optimizer
    return .optimizer(old: old, new: kind, carried: switched.carried)
  }

  /// Switches the schedule, keeping the current rate as the new schedule's base.
  func switchSchedule(to name: ScheduleName) -> EventDetail {
    let oldDescription = schedule.description
    let rate = schedule.rate(atStep: progress.step)
    schedule = LearningRateSchedule(
      name: name, baseRate: rate, stepsPerEpoch: schedule.stepsPerEpoch,  // kept across `:batch`
      totalEpochs: configuration.epochs, warmupEpochs: 0,
      parameters: configuration.scheduleParameters, plateau: configuration.plateau)
    schedule.rescale(to: rate, atStep: progress.step)
    return .schedule(old: oldDescription, new: schedule.description)
  }

  /// A manual save: to `checkpoints/step-N.safetensors` (never overwritten), or to `path` — relative
  /// paths resolve inside the run directory, absolute ones are used as given; the event names the file.
  func saveRequested(to path: String?) -> Result<EventDetail?, CommandRejection> {
    guard let url = saveURL(path) else {
      return .failure(CommandRejection(reason: "no run directory: give an absolute path"))
    }
    do {
      try makeCheckpoint().save(to: url)
      return .success(.checkpointSaved(path: url.path))
    } catch {
      return .failure(CommandRejection(reason: "checkpoint not saved: \(error)"))
    }
  }
}

extension Trainer {
  /// Where `save [path]` writes.
  func saveURL(_ path: String?) -> URL? {
    guard let path else {
      return runLog?.directory.appendingPathComponent("checkpoints/step-\(progress.step).safetensors")
    }
    if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
    return runLog?.directory.appendingPathComponent(path).standardizedFileURL
  }
}

extension TrainerCommand {
  /// The command's name as used in events and the prompt.
  public var name: String {
    switch self {
    case .pause: "pause"
    case .resume: "resume"
    case .step: "step"
    case .stop: "stop"
    case .set(let knob, _): knob.promptWord
    case .scaleLearningRate: Hyperparameter.learningRate.promptWord
    case .setOptimizer: "optimizer"
    case .setSchedule: "schedule"
    case .saveCheckpoint: "save"
    case .run: "run"
    case .pauseWhen: "until"
    case .undo: "undo"
    case .findLearningRate: "lr-find"
    case .finishLRFind: "lr-find apply"
    case .setEpochs: "epochs"
    case .setDropout: "dropout"
    case .setBatchSize: "batch"
    case .fork: "fork"
    }
  }
}
