/// One series' buckets: at most `capacity`, each covering `width` consecutive points.
///
/// Bucket `i` covers points `[i·width, (i+1)·width)` of the series. Points go into the last
/// bucket until it holds `width` points; when a new bucket is needed and `capacity` are in
/// use, adjacent pairs merge and `width` doubles (an odd last bucket stays alone, half full).
struct BucketBuffer: Sendable {
  /// The most buckets kept.
  let capacity: Int
  /// The buckets, oldest first.
  private(set) var buckets: [Series.Bucket] = []
  /// The finite sum of each bucket, parallel to `buckets` (means are recomputed from it).
  private var sums: [Double] = []
  /// Points per bucket.
  private(set) var width = 1
  /// Totals over every point.
  private(set) var summary = SeriesSummary()

  /// An empty buffer.
  init(capacity: Int) {
    self.capacity = capacity
    buckets.reserveCapacity(capacity)
    sums.reserveCapacity(capacity)
  }

  /// Adds one point.
  mutating func append(_ value: Double, at x: Int) {
    summary.add(value)
    if buckets.count == capacity && !lastBucketHasRoom { mergePairs() }
    if lastBucketHasRoom {
      let lastIndex = buckets.count - 1
      let newSum = sums[lastIndex] + (value.isFinite ? value : 0)
      sums[lastIndex] = newSum
      buckets[lastIndex].add(value, at: x, sum: newSum)
    } else {
      buckets.append(Series.Bucket(x: x, value: value))
      sums.append(value.isFinite ? value : 0)
    }
  }

  /// Whether the last bucket holds fewer than `width` points.
  private var lastBucketHasRoom: Bool {
    guard let last = buckets.last else { return false }
    return last.count < width
  }

  /// Merges buckets 2i and 2i+1 into bucket i and doubles the width.
  private mutating func mergePairs() {
    let merged = (buckets.count + 1) / 2
    for i in 0..<merged {
      let left = 2 * i
      let right = left + 1
      if right < buckets.count {
        sums[i] = sums[left] + sums[right]
        buckets[i] = buckets[left].merged(with: buckets[right], sum: sums[i])
      } else {
        sums[i] = sums[left]
        buckets[i] = buckets[left]
      }
    }
    buckets.removeLast(buckets.count - merged)
    sums.removeLast(sums.count - merged)
    width *= 2
  }
}

extension Series.Bucket {
  /// The number of finite points.
  var finiteCount: Int { count - nonFiniteCount }

  /// Adds a point whose bucket's finite sum is now `sum`.
  @inline(__always)
  mutating func add(_ value: Double, at x: Int, sum: Double) {
    if value.isFinite {
      if finiteCount == 0 {
        min = value
        max = value
      } else {
        if value < min { min = value }
        if value > max { max = value }
      }
      mean = sum / Double(finiteCount + 1)
    } else {
      nonFiniteCount += 1
    }
    count += 1
    last = value
    lastX = x
  }

  /// This bucket followed by `next`, as one bucket whose finite sum is `sum`.
  func merged(with next: Series.Bucket, sum: Double) -> Series.Bucket {
    var result = self
    let finite = finiteCount + next.finiteCount
    if next.finiteCount > 0 {
      result.min = finiteCount > 0 ? Swift.min(min, next.min) : next.min
      result.max = finiteCount > 0 ? Swift.max(max, next.max) : next.max
    }
    result.mean = finite > 0 ? sum / Double(finite) : .nan
    result.lastX = next.lastX
    result.last = next.last
    result.count = count + next.count
    result.nonFiniteCount = nonFiniteCount + next.nonFiniteCount
    return result
  }
}
