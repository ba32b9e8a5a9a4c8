import Training

/// Converts steps and epochs to chart x values in the chosen axis mode.
public struct XScale: Sendable, Equatable {
  /// Steps or epochs.
  public var mode: XAxisMode
  /// Steps per epoch (at least 1).
  public var stepsPerEpoch: Int

  public init(mode: XAxisMode, stepsPerEpoch: Int) {
    self.mode = mode
    self.stepsPerEpoch = max(1, stepsPerEpoch)
  }

  /// The x of a step (fractional epochs in epoch mode).
  public func x(step: Double) -> Double { mode == .steps ? step : step / Double(stepsPerEpoch) }

  /// The x of the end of an epoch (1-based).
  public func x(epoch: Int) -> Double { mode == .steps ? Double(epoch * stepsPerEpoch) : Double(epoch) }

  /// A chart series for a step series: the middle of each bucket, its mean and min–max span.
  public func series(_ series: Series, style: Style, spanStyle: Style? = nil) -> ChartSeries {
    let spans = spanStyle != nil
    let count = series.buckets.count
    var xs: [Double] = []
    var ys: [Double] = []
    var lows: [Double] = []
    var highs: [Double] = []
    var nonFinite: [Bool] = []
    xs.reserveCapacity(count)
    ys.reserveCapacity(count)
    if spans {
      lows.reserveCapacity(count)
      highs.reserveCapacity(count)
    }
    // One pass over the buckets: this runs every frame for every step series.
    for bucket in series.buckets {
      xs.append(x(step: Double(bucket.firstX + bucket.lastX) / 2))
      ys.append(bucket.mean)
      // Flags only from the first bucket holding a non-finite value on (most series have none).
      if bucket.nonFiniteCount > 0, nonFinite.isEmpty {
        nonFinite = [Bool](repeating: false, count: xs.count - 1)
        nonFinite.reserveCapacity(count)
      }
      if nonFinite.count == xs.count - 1 { nonFinite.append(bucket.nonFiniteCount > 0) }
      if spans {
        lows.append(bucket.min)
        highs.append(bucket.max)
      }
    }
    return ChartSeries(
      xs: xs, ys: ys, lows: lows, highs: highs, nonFinite: nonFinite, style: style, spanStyle: spanStyle)
  }

  /// A chart series of per-epoch values at the end of each epoch.
  public func series(_ epochs: [EpochMetrics], _ value: (EpochMetrics) -> Double, style: Style) -> ChartSeries {
    ChartSeries(xs: epochs.map { x(epoch: $0.epoch) }, ys: epochs.map(value), style: style)
  }
}
