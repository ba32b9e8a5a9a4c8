import Training

/// Converts steps and epochs to chart x values in the chosen axis mode.
public struct XScale: Sendable, Equatable {
  /// Steps or epochs.
  public var mode: XAxisMode
  /// Steps per epoch (at least 1).
  public var stepsPerEpoch: Int

  /// Creates a scale.
  public init(mode: XAxisMode, stepsPerEpoch: Int) {
    self.mode = mode
    self.stepsPerEpoch = max(1, stepsPerEpoch)
  }

  /// The x of a step (fractional epochs in epoch mode).
  public func x(step: Double) -> Double { mode == .steps ? step : step / Double(stepsPerEpoch) }

  /// The x of the end of an epoch (1-based).
  public func x(epoch: Int) -> Double { mode == .steps ? Double(epoch * stepsPerEpoch) : Double(epoch) }

  /// Chart points for a step series: the middle of each bucket, its mean and min–max span.
  ///
  /// - Parameter values: values to draw instead of the bucket means (e.g. smoothed), one per bucket.
  public func points(_ series: Series, values: [Double]? = nil) -> [ChartPoint] {
    series.buckets.enumerated().map { index, bucket in
      ChartPoint(
        x: x(step: Double(bucket.firstX + bucket.lastX) / 2), y: values?[index] ?? bucket.mean,
        low: bucket.min, high: bucket.max, hasNonFinite: bucket.nonFiniteCount > 0)
    }
  }
}
