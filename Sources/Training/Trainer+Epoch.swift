import Datasets
import Foundation
import NN
import Tensor

/// A split's loss and metrics from one evaluation pass.
public struct Evaluation: Sendable {
  /// Mean loss over the split.
  public var loss: Double
  /// Accuracy (classification) or R² (regression).
  public var metric: Double
  /// The confusion matrix, for classification.
  public var confusion: ConfusionMatrix?
  /// Regression sums, for regression.
  public var regression: RegressionAccumulator?
}

extension Trainer {
  /// End-of-epoch work: validation, metrics, schedule, early stopping, checkpoints, logs.
  func endEpoch() {
    let validation = evaluate(dataset.validation.count > 0 ? dataset.validation : dataset.train)
    let metrics = epochMetrics(validation: validation)
    epochMetrics.append(metrics)
    writeLog { try $0.appendEpoch(metrics, extra: extraMetrics(validation)) }
    let monitored = monitoredValue(metrics, validation: validation)
    let finishedEpoch = progress.epoch
    progress.epoch += 1
    progress.batchInEpoch = 0
    if let newRate = schedule.epochEnded(epoch: finishedEpoch, monitoredValue: monitored) {
      log(.schedule, "reduce on plateau: lr → \(formatRate(newRate))", newValue: formatRate(newRate))
    }
    updateEarlyStopping(monitored)
    if configuration.onNonFinite == .rollback { rememberGoodState() }
    saveCheckpoint(kind: .last, announce: false)
    writeLog { try $0.flush() }
    publish(force: true)
  }

  /// Feeds early stopping; keeps the best weights and stops when it says so.
  func updateEarlyStopping(_ value: Double) {
    switch earlyStopping.update(epoch: progress.epoch, value: value) {
    case .improved:
      if configuration.earlyStoppingEnabled && configuration.earlyStopping.restoreBestWeights {
        bestWeights = model.stateTensors()
      }
      saveCheckpoint(kind: .best, announce: false)
      log(.best, "new best \(earlyStopping.monitor.rawValue) \(String(format: "%.5g", value))")
    case .stop(let reason):
      stopReason = reason
      let status = earlyStopping.status
      log(
        .stop,
        "early stop: \(reason.rawValue); best \(status.monitor) at epoch \(status.bestEpoch ?? 0)")
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
      return ["val_macro_precision": c.macroPrecision, "val_macro_recall": c.macroRecall,
              "val_macro_f1": c.macroF1]
    }
    if let r = validation.regression {
      return ["val_mse": r.meanSquaredError, "val_mae": r.meanAbsoluteError]
    }
    return [:]
  }

  /// Loss and metrics of the current model on `split`, in evaluation mode, in batches.
  public func evaluate(_ split: DataSplit) -> Evaluation {
    var batch = Batch()
    var gradient = Tensor(shape: [0, 0])
    var predictions: [Int32] = []
    var confusion = ConfusionMatrix(classCount: dataset.task.outputCount)
    var regression = RegressionAccumulator(outputCount: dataset.task.outputCount)
    var lossSum = 0.0
    let all = Array(0..<split.count)
    var start = 0
    while start < split.count {
      let end = min(split.count, start + 1024)
      split.fill(&batch, indices: all[start..<end])
      let output = model.forward(batch.inputs, mode: .evaluation, rng: &rng)
      let target: LossTarget =
        dataset.task.isClassification ? .classes(batch.labels) : .values(batch.targets)
      lossSum += loss.evaluate(output, target, gradient: &gradient) * Double(end - start)
      if dataset.task.isClassification {
        output.argmaxRows(into: &predictions)
        confusion.add(predictions: predictions, labels: batch.labels)
      } else {
        regression.add(predictions: output, targets: batch.targets)
      }
      start = end
    }
    let meanLoss = split.count == 0 ? .nan : lossSum / Double(split.count)
    if dataset.task.isClassification {
      return Evaluation(loss: meanLoss, metric: confusion.accuracy, confusion: confusion)
    }
    return Evaluation(loss: meanLoss, metric: regression.r2, regression: regression)
  }

  /// Final metrics on the test split, by name.
  func evaluateTest() -> [(name: String, value: Double)] {
    guard dataset.test.count > 0 else { return [] }
    let result = evaluate(dataset.test)
    testEvaluation = result
    if let c = result.confusion {
      return [("test_loss", result.loss), ("test_accuracy", c.accuracy),
              ("test_macro_precision", c.macroPrecision), ("test_macro_recall", c.macroRecall),
              ("test_macro_f1", c.macroF1)]
    }
    let r = result.regression ?? RegressionAccumulator()
    return [("test_loss", result.loss), ("test_mse", r.meanSquaredError),
            ("test_mae", r.meanAbsoluteError), ("test_rmse", r.rootMeanSquaredError),
            ("test_r2", r.r2)]
  }
}
