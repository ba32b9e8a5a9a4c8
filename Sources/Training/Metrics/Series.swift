/// A downsampled time series in bounded memory: buckets of consecutive points with min/max/mean/last.
///
/// Produced by `History`; read by the dashboard's charts. A spike survives
/// downsampling in `max` even when `mean` smooths it away.
public struct Series: Sendable, Equatable {
  /// One bucket of consecutive points.
  public struct Bucket: Sendable, Equatable {
    /// The x value (step or epoch) of the first point in the bucket.
    public var firstX: Int
    /// The x value of the last point in the bucket.
    public var lastX: Int
    /// The smallest finite value (NaN if none was finite).
    public var min: Double
    /// The largest finite value (NaN if none was finite).
    public var max: Double
    /// The mean of the finite values (NaN if none was finite).
    public var mean: Double
    /// The last value, finite or not.
    public var last: Double
    /// How many points fell in this bucket.
    public var count: Int
    /// How many of them were not finite.
    public var nonFiniteCount: Int

    /// Creates a bucket holding one point.
    public init(x: Int, value: Double) {
      firstX = x
      lastX = x
      let finite = value.isFinite
      min = finite ? value : .nan
      max = finite ? value : .nan
      mean = finite ? value : .nan
      last = value
      count = 1
      nonFiniteCount = finite ? 0 : 1
    }
  }

  /// The buckets, oldest first.
  public var buckets: [Bucket] = []
  /// The total number of points recorded.
  public var pointCount: Int = 0

  /// An empty series.
  public init() {}

  /// An undownsampled series of `values` at x = 0, 1, 2, … (for tests and per-epoch data).
  public init(values: [Double], firstX: Int = 0) {
    buckets = values.enumerated().map { Bucket(x: firstX + $0.offset, value: $0.element) }
    pointCount = values.count
  }

  /// The last value recorded, if any.
  public var last: Double? { buckets.last?.last }
}
