import Datasets
import NN
import Tensor

/// Measures a model on a data split, in evaluation mode, without changing it.
///
/// Used at every epoch end, at the end of a run (the test split) and by `traintop eval`.
public struct Evaluator {
  /// The model to measure (not modified: evaluation mode uses running statistics, no dropout).
  public let model: Sequential
  /// The loss to report.
  public let loss: any Loss
  /// What the outputs mean.
  public let task: DatasetTask
  /// Rows per forward pass.
  public var batchSize = 1024
  /// Classification: how many predictions of the first rows, and how many mistakes, to keep (for the
  /// samples pane); 0 keeps none.
  public var sampleCount = 0

  /// An evaluator of `model` under `loss` for `task`.
  public init(model: Sequential, loss: any Loss, task: DatasetTask) {
    self.model = model
    self.loss = loss
    self.task = task
  }

  /// Loss and metrics of the model on `split`; the loss is NaN for an empty split.
  public func evaluate(_ split: DataSplit) -> Evaluation {
    var batch = Batch()
    var gradient = Tensor(shape: [0, 0])
    var predictions: [Int32] = []
    var confusion = ConfusionMatrix(classCount: task.outputCount)
    var regression = RegressionAccumulator(outputCount: task.outputCount)
    // Evaluation mode draws no random numbers; the generator only satisfies the signature.
    var rng = SeededGenerator(seed: 0)
    var lossSum = 0.0
    var samples = EvaluationSamples()
    let positions = Array(0..<split.count)
    var start = 0
    while start < split.count {
      let end = min(split.count, start + batchSize)
      split.fill(&batch, indices: positions[start..<end])
      let output = model.forward(batch.inputs, mode: .evaluation, rng: &rng)
      let target: LossTarget = task.isClassification ? .classes(batch.labels) : .values(batch.targets)
      lossSum += loss.evaluate(output, target, gradient: &gradient) * Double(end - start)
      if task.isClassification {
        output.argmaxRows(into: &predictions)
        confusion.add(predictions: predictions, labels: batch.labels)
        if sampleCount > 0 { samples.add(predictions, batch.labels, firstRow: start, keeping: sampleCount) }
      } else {
        regression.add(predictions: output, targets: batch.targets)
      }
      start = end
    }
    let meanLoss = split.count == 0 ? .nan : lossSum / Double(split.count)
    if task.isClassification {
      return Evaluation(loss: meanLoss, metric: confusion.accuracy, confusion: confusion, samples: samples)
    }
    return Evaluation(loss: meanLoss, metric: regression.r2, regression: regression)
  }
}
