/// A split's loss and metrics from one evaluation pass.
public struct Evaluation: Sendable {
  /// Mean loss over the split (NaN for an empty split).
  public var loss: Double
  /// Accuracy (classification) or R² (regression).
  public var metric: Double
  /// The confusion matrix, for classification.
  public var confusion: ConfusionMatrix?
  /// Regression sums, for regression.
  public var regression: RegressionAccumulator?
  /// Classification: the predictions of the first rows and the first mistakes (`Evaluator.sampleCount`).
  public var samples = EvaluationSamples()
}
