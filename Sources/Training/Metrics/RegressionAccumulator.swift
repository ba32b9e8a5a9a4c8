import Tensor

/// Regression metrics (MSE, MAE, RMSE, R²) accumulated batch by batch in Double.
///
/// ```
/// mse = mean((ŷ − y)²)   mae = mean|ŷ − y|   rmse = √mse
/// R² = 1 − SS_res/SS_tot,  SS_res = Σ(y − ŷ)²,  SS_tot = Σ(y − ȳ)²
/// ```
/// With several outputs, MSE and MAE average over every element and R² is the mean of
/// per-output R² (scikit-learn's `multioutput="uniform_average"`). For a constant target
/// (SS_tot = 0), R² is 1 for a perfect prediction and 0 otherwise, as in scikit-learn.
/// SS_tot is accumulated with Welford's update, so one pass suffices.
public struct RegressionAccumulator: Sendable, Equatable, Codable {
  /// The number of outputs per sample.
  public let outputCount: Int
  /// The number of samples seen.
  public private(set) var sampleCount = 0
  private var squaredErrorSum: [Double]
  private var absoluteErrorSum: [Double]
  private var targetMean: [Double]
  private var targetM2: [Double]

  /// An empty accumulator for `outputCount` outputs per sample.
  public init(outputCount: Int = 1) {
    precondition(outputCount > 0, "a regression needs at least one output")
    self.outputCount = outputCount
    squaredErrorSum = [Double](repeating: 0, count: outputCount)
    absoluteErrorSum = squaredErrorSum
    targetMean = squaredErrorSum
    targetM2 = squaredErrorSum
  }

  /// Adds a batch of predictions and targets, both `[n, outputCount]` (or `[n]` for one output).
  public mutating func add(predictions: Tensor, targets: Tensor) {
    precondition(predictions.shape == targets.shape, "predictions \(predictions.shape) vs targets \(targets.shape)")
    precondition(predictions.count % outputCount == 0, "\(predictions.count) values for \(outputCount) outputs")
    predictions.withUnsafeBufferPointer { p in
      targets.withUnsafeBufferPointer { t in
        for i in 0..<p.count { accumulate(prediction: Double(p[i]), target: Double(t[i]), at: i) }
      }
    }
  }

  /// Adds predictions and targets given flat in Double (row-major `[n, outputCount]`).
  public mutating func add(predictions: [Double], targets: [Double]) {
    precondition(predictions.count == targets.count, "\(predictions.count) predictions for \(targets.count) targets")
    precondition(predictions.count % outputCount == 0, "\(predictions.count) values for \(outputCount) outputs")
    for i in predictions.indices { accumulate(prediction: predictions[i], target: targets[i], at: i) }
  }

  @inline(__always)
  private mutating func accumulate(prediction: Double, target: Double, at i: Int) {
    let output = i % outputCount
    if output == 0 { sampleCount += 1 }
    let error = prediction - target
    squaredErrorSum[output] += error * error
    absoluteErrorSum[output] += abs(error)
    let delta = target - targetMean[output]
    targetMean[output] += delta / Double(sampleCount)
    targetM2[output] += delta * (target - targetMean[output])
  }

  /// Forgets every sample.
  public mutating func reset() { self = RegressionAccumulator(outputCount: outputCount) }

  /// Mean squared error over every element (NaN when empty).
  public var meanSquaredError: Double { squaredErrorSum.reduce(0, +) / elementCount }

  /// Mean absolute error over every element (NaN when empty).
  public var meanAbsoluteError: Double { absoluteErrorSum.reduce(0, +) / elementCount }

  /// The square root of the mean squared error.
  public var rootMeanSquaredError: Double { meanSquaredError.squareRoot() }

  /// The residual sum of squares Σ(y − ŷ)² of `output`.
  public func residualSumOfSquares(output: Int = 0) -> Double { squaredErrorSum[output] }

  /// The total sum of squares Σ(y − ȳ)² of `output`.
  public func totalSumOfSquares(output: Int = 0) -> Double { targetM2[output] }

  /// The coefficient of determination, averaged over outputs (NaN when empty).
  public var r2: Double {
    guard sampleCount > 0 else { return .nan }
    let total = (0..<outputCount).reduce(0.0) { sum, output in
      let residual = squaredErrorSum[output]
      let spread = targetM2[output]
      guard spread != 0 else { return sum + (residual == 0 ? 1 : 0) }
      return sum + (1 - residual / spread)
    }
    return total / Double(outputCount)
  }

  private var elementCount: Double { Double(sampleCount * outputCount) }
}
