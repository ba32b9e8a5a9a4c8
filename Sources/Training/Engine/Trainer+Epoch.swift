import Datasets
import Foundation
import NN
import Tensor

extension Trainer {
  /// End-of-epoch work: validation, metrics, schedule, early stopping, checkpoints, logs.
  func endEpoch() {
    let split = dataset.validation.count > 0 ? dataset.validation : dataset.train
    var evaluator = self.evaluator
    if dataset.imageShape != nil { evaluator.sampleCount = ValidationDetail.sampleCount }
    let validation = evaluator.evaluate(split)
    lastValidation = validation.confusion.map { confusion in
      ValidationDetail(
        epoch: progress.epoch + 1, confusion: confusion,
        samples: dataset.imageShape.map { ImageSamples(validation.samples, split: split, shape: $0) })
    }
    let metrics = epochMetrics(validation: validation)
    epochHistory.append(metrics)
    writeLog { try $0.appendEpoch(metrics, extra: extraMetrics(validation)) }
    let monitored = monitoredValue(metrics, validation: validation)
    let finishedEpoch = progress.epoch
    progress.epoch += 1
    progress.batchInEpoch = 0
    let rateBefore = schedule.rate(atStep: progress.step)
    if let newRate = schedule.epochEnded(epoch: finishedEpoch, monitoredValue: monitored) {
      record(.plateau(old: rateBefore, new: newRate))
    }
    updateEarlyStopping(monitored)
    if stopReason == nil, let judge = epochJudge, judge(metrics) {
      stopReason = .pruned
      record(.stopRequested(.pruned))
    }
    watchHealth(metrics, hasValidation: dataset.validation.count > 0)
    checkAutoPause(metrics, validation: validation)
    if configuration.onNonFinite == .rollback { rememberGoodState() }
    saveCheckpoint(.last)
    saveEpochCheckpoint()
    writeLog { try $0.flush() }
    publish(force: true)
  }

  /// `--save-every K`: every K epochs, `checkpoints/epoch-N.safetensors`; then, with
  /// `--keep-checkpoints N`, the older ones beyond the newest N go (best and last are other files).
  func saveEpochCheckpoint() {
    guard let every = configuration.saveEvery, every > 0, progress.epoch % every == 0, let runLog else { return }
    let url = runLog.epochCheckpointURL(progress.epoch)
    do {
      try makeCheckpoint().save(to: url)
    } catch {
      record(.failure("epoch checkpoint not saved: \(error)"))
      return
    }
    var removed: [String] = []
    if let keep = configuration.keepCheckpoints {
      for epoch in runLog.epochCheckpoints().dropLast(keep) {
        let old = runLog.epochCheckpointURL(epoch)
        do {
          try FileManager.default.removeItem(at: old)
          removed.append("checkpoints/" + old.lastPathComponent)
        } catch {
          record(.failure("old checkpoint \(old.lastPathComponent) not removed: \(error)"))
        }
      }
    }
    record(.epochCheckpoint(path: "checkpoints/" + url.lastPathComponent, removed: removed))
  }

  /// At an epoch end: pauses when a `:run` of epochs is spent or an `:until` condition holds.
  func checkAutoPause(_ metrics: EpochMetrics, validation: Evaluation) {
    if let condition = autoPause.condition {
      let value = condition.monitor.value(in: metrics) ?? validation.confusion?.macroF1 ?? .nan
      if condition.isMet(by: value) {
        autoPause.condition = nil
        pauseByItself(
          because: "\(condition.monitor.rawValue) \(Format.compact(value, significantDigits: 6)) "
            + (condition.above ? ">" : "<") + " \(Format.compact(condition.value, significantDigits: 6))")
        return
      }
    }
    if let epoch = autoPause.afterEpoch, progress.epoch >= epoch {
      autoPause.afterEpoch = nil
      pauseByItself(because: "epoch \(progress.epoch) done")
    }
  }

  /// Feeds early stopping; keeps the best weights and stops when it says so.
  func updateEarlyStopping(_ value: Double) {
    switch earlyStopping.update(epoch: progress.epoch, value: value) {
    case .improved:
      if configuration.earlyStoppingEnabled && configuration.earlyStopping.restoreBestWeights {
        bestWeights = model.stateTensors()
      }
      saveCheckpoint(.best)
      record(.best(monitor: earlyStopping.monitor.rawValue, value: value))
    case .stop(let reason):
      stopReason = reason
      let status = earlyStopping.status
      record(.earlyStop(reason, monitor: status.monitor, bestEpoch: status.bestEpoch))
    case .continue:
      break
    }
  }

  /// The epoch's metrics row from the training sums and the validation pass.
  func epochMetrics(validation: Evaluation) -> EpochMetrics {
    let wall = Date().timeIntervalSince1970 - accumulator.startTime - accumulator.pausedSeconds
    let trainMetric =
      dataset.task.isClassification
      ? Double(accumulator.correct) / Double(max(1, accumulator.samples))
      : accumulator.regression.r2
    return EpochMetrics(
      epoch: progress.epoch + 1, trainLoss: accumulator.meanLoss, trainMetric: trainMetric,
      validationLoss: validation.loss, validationMetric: validation.metric,
      learningRate: schedule.rate(atStep: max(0, progress.step - 1)), seconds: wall,
      samplesPerSecond: wall > 0 ? Double(accumulator.samples) / wall : 0)
  }

  /// The value early stopping and reduce-on-plateau watch.
  func monitoredValue(_ metrics: EpochMetrics, validation: Evaluation) -> Double {
    if let value = earlyStopping.monitor.value(in: metrics) { return value }
    return validation.confusion?.macroF1 ?? .nan
  }

  /// Extra per-epoch columns for metrics.csv.
  func extraMetrics(_ validation: Evaluation) -> [String: Double] {
    if let c = validation.confusion {
      return [
        "val_macro_precision": c.macroPrecision, "val_macro_recall": c.macroRecall,
        "val_macro_f1": c.macroF1,
      ]
    }
    if let r = validation.regression {
      return ["val_mse": r.meanSquaredError, "val_mae": r.meanAbsoluteError]
    }
    return [:]
  }

  /// Final metrics on the test split, by name.
  func evaluateTest() -> [(name: String, value: Double)] {
    guard dataset.test.count > 0 else { return [] }
    let result = evaluator.evaluate(dataset.test)
    testEvaluation = result
    if let c = result.confusion {
      return [
        ("test_loss", result.loss), ("test_accuracy", c.accuracy),
        ("test_macro_precision", c.macroPrecision), ("test_macro_recall", c.macroRecall),
        ("test_macro_f1", c.macroF1),
      ]
    }
    let r = result.regression ?? RegressionAccumulator()
    return [
      ("test_loss", result.loss), ("test_mse", r.meanSquaredError),
      ("test_mae", r.meanAbsoluteError), ("test_rmse", r.rootMeanSquaredError),
      ("test_r2", r.r2),
    ]
  }
}
