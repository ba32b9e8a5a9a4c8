import Foundation
import NN
import Tensor

extension Trainer {
  /// True for the commands `u` can take back: changes of a setting, the optimizer or the schedule.
  static func isUndoable(_ command: TrainerCommand) -> Bool {
    switch command {
    case .set, .scaleLearningRate, .setOptimizer, .setSchedule, .setEpochs, .setDropout, .setBatchSize: true
    case .pause, .resume, .step, .stop, .saveCheckpoint, .run, .pauseWhen, .undo, .findLearningRate, .finishLRFind,
      .fork:
      false
    }
  }

  /// The state now, before a change (the weights and optimizer state are copies).
  func undoPoint() -> UndoPoint {
    UndoPoint(
      step: progress.step, weights: model.stateTensors(), optimizerKind: optimizer.kind,
      optimizerSettings: optimizer.settings, optimizerState: optimizer.exportState(model.parameters),
      optimizerSteps: optimizer.stepCount, schedule: schedule, regularization: regularization,
      patience: earlyStopping.patience, threads: ComputeEngine.threads, totalEpochs: totalEpochs,
      dropoutRates: dropoutLayers.map(\.rate),
      batchSize: pendingBatchSize ?? sampler.batchSize)
  }

  /// Keeps `point` as the state before the change `detail` describes (the last `UndoPoint.limit`).
  func remember(_ point: UndoPoint, before detail: EventDetail) {
    var point = point
    point.change = detail.message
    undoPoints.append(point)
    if undoPoints.count > UndoPoint.limit { undoPoints.removeFirst(undoPoints.count - UndoPoint.limit) }
  }

  /// `u`: back to the state before the last change still remembered.
  func undoLastChange() -> Result<EventDetail?, CommandRejection> {
    guard let point = undoPoints.popLast() else {
      return .failure(CommandRejection(reason: "nothing to undo (the last \(UndoPoint.limit) changes are kept)"))
    }
    do {
      try model.loadState(from: point.weights)
      let restored = makeOptimizer(point.optimizerKind, settings: point.optimizerSettings)
      try restored.importState(point.optimizerState, stepCount: point.optimizerSteps, parameters: model.parameters)
      optimizer = restored
    } catch {
      return .failure(CommandRejection(reason: "the saved state did not load: \(error)"))
    }
    schedule = point.schedule
    regularization = point.regularization
    earlyStopping.patience = point.patience
    ComputeEngine.setThreads(point.threads)
    // The run never ends before the epoch in progress, as `:epochs` has it.
    totalEpochs = max(point.totalEpochs, progress.epoch + (progress.batchInEpoch > 0 ? 1 : 0), 1)
    for (layer, rate) in zip(dropoutLayers, point.dropoutRates) { layer.rate = rate }
    if point.batchSize != sampler.batchSize || pendingBatchSize != nil {
      pendingBatchSize = point.batchSize == sampler.batchSize ? nil : point.batchSize
      if progress.batchInEpoch == 0 { applyPendingBatchSize() }
    }
    learningRateChanges.append(progress.step)
    return .success(.undone(change: point.change, step: point.step))
  }
}
