/// The per-step series the trainer records.
public enum HistorySeries: Int, CaseIterable, Sendable, Codable {
  /// Training loss of each step's batch.
  case trainLoss
  /// The learning rate used by each step.
  case learningRate
  /// The global gradient L2 norm of each step (before clipping).
  case gradientNorm
}

/// Bounded-memory metric history: per-step series downsampled into buckets.
///
/// Each step series keeps at most `capacity` buckets. When a new bucket is needed and all
/// `capacity` are in use, adjacent pairs are merged so the bucket width doubles. Every bucket's
/// min/max/mean/last/count/nonFiniteCount stay exact for the points it covers, so a one-step
/// spike survives in `max` however long the run. Recording is O(1) amortised and allocates
/// nothing once the bucket arrays have reached `capacity`.
public struct History: Sendable {
  /// The most buckets a step series keeps.
  public let capacity: Int
  private var buffers: [BucketBuffer]

  /// Creates an empty history keeping at most `capacity` buckets per series.
  public init(capacity: Int = 4096) {
    precondition(capacity >= 2, "History capacity must be at least 2, got \(capacity)")
    self.capacity = capacity
    buffers = HistorySeries.allCases.map { _ in BucketBuffer(capacity: capacity) }
  }

  /// Records `value` at step `x` in `series`.
  public mutating func record(_ value: Double, at x: Int, in series: HistorySeries) {
    buffers[series.rawValue].append(value, at: x)
  }

  /// The downsampled series (shares storage with the history until either changes).
  public func series(_ series: HistorySeries) -> Series {
    let buffer = buffers[series.rawValue]
    var result = Series()
    result.buckets = buffer.buckets
    result.pointCount = buffer.summary.count
    return result
  }

  /// Whole-series totals (exact over every point ever recorded).
  public func summary(of series: HistorySeries) -> SeriesSummary {
    buffers[series.rawValue].summary
  }

  /// The number of points each bucket of `series` covers (1, 2, 4, …).
  public func bucketWidth(of series: HistorySeries) -> Int {
    buffers[series.rawValue].width
  }
}

/// Totals over every point of a series: count, non-finite count, min, max, mean, last.
public struct SeriesSummary: Sendable, Equatable, Codable {
  /// How many points were recorded.
  public var count: Int = 0
  /// How many of them were not finite.
  public var nonFiniteCount: Int = 0
  /// The smallest finite value (nil if none was finite).
  public var min: Double?
  /// The largest finite value (nil if none was finite).
  public var max: Double?
  /// The sum of the finite values.
  public var finiteSum: Double = 0
  /// The last value, finite or not (nil before the first point).
  public var last: Double?

  /// An empty summary.
  public init() {}

  /// The mean of the finite values (nil if none was finite).
  public var mean: Double? {
    let finiteCount = count - nonFiniteCount
    return finiteCount > 0 ? finiteSum / Double(finiteCount) : nil
  }

  /// Adds one point.
  @inline(__always)
  mutating func add(_ value: Double) {
    count += 1
    last = value
    guard value.isFinite else {
      nonFiniteCount += 1
      return
    }
    finiteSum += value
    if let low = min, low <= value {} else { min = value }
    if let high = max, high >= value {} else { max = value }
  }
}
