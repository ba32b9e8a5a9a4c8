import Testing
import Training

@Suite struct HistoryTests {
  @Test func keepsEveryPointWhileUnderCapacity() {
    var history = History(capacity: 8)
    for (x, v) in [3.0, 1.0, 2.0].enumerated() { history.record(v, at: x, in: .trainLoss) }
    let series = history.series(.trainLoss)
    #expect(series == Series(values: [3, 1, 2]))
    #expect(history.bucketWidth(of: .trainLoss) == 1)
    #expect(history.series(.learningRate).buckets.isEmpty)
  }

  @Test func mergesAdjacentPairsWhenFull() {
    // Capacity 4, points 0…4: the 5th point needs a 5th bucket, so [0,1][2,3] merge,
    // width becomes 2 and point 4 opens bucket 2.
    var history = History(capacity: 4)
    for x in 0..<5 { history.record(Double(x * 10), at: x, in: .gradientNorm) }
    let buckets = history.series(.gradientNorm).buckets
    #expect(buckets.count == 3)
    #expect(history.bucketWidth(of: .gradientNorm) == 2)
    #expect(buckets[0].firstX == 0 && buckets[0].lastX == 1)
    #expect(buckets[0].min == 0 && buckets[0].max == 10 && buckets[0].mean == 5)
    #expect(buckets[0].last == 10 && buckets[0].count == 2)
    #expect(buckets[1].firstX == 2 && buckets[1].lastX == 3 && buckets[1].mean == 25)
    #expect(buckets[2].firstX == 4 && buckets[2].count == 1 && buckets[2].mean == 40)
    // Point 5 fills bucket 2 (width 2) instead of opening a new one.
    history.record(50, at: 5, in: .gradientNorm)
    let after = history.series(.gradientNorm).buckets
    #expect(after.count == 3)
    #expect(after[2].count == 2 && after[2].mean == 45 && after[2].lastX == 5)
  }

  @Test func oddCapacityLeavesLastBucketHalfFull() {
    // Capacity 3, 4 points: [0,1] merge, [2] stays alone with width now 2, so point 3 joins it.
    var history = History(capacity: 3)
    for x in 0..<4 { history.record(Double(x), at: x, in: .trainLoss) }
    let buckets = history.series(.trainLoss).buckets
    #expect(buckets.count == 2)
    #expect(buckets[0].count == 2 && buckets[1].count == 2)
    #expect(buckets[1].firstX == 2 && buckets[1].lastX == 3 && buckets[1].mean == 2.5)
  }

  @Test func nonFiniteValuesAreCountedNotAveraged() {
    var history = History(capacity: 2)
    let values: [Double] = [.nan, 4, .infinity, 2, .nan, .nan]
    for (x, v) in values.enumerated() { history.record(v, at: x, in: .trainLoss) }
    // Width 4 after two merges? 6 points, capacity 2: widths 1 → 2 (at point 2) → 4 (at point 4).
    let buckets = history.series(.trainLoss).buckets
    #expect(history.bucketWidth(of: .trainLoss) == 4)
    #expect(buckets.count == 2)
    // Bucket 0 = points 0…3: finite 4 and 2.
    #expect(buckets[0].count == 4 && buckets[0].nonFiniteCount == 2)
    #expect(buckets[0].min == 2 && buckets[0].max == 4 && buckets[0].mean == 3 && buckets[0].last == 2)
    // Bucket 1 = points 4…5: no finite value, so min/max/mean are NaN; last is NaN too.
    #expect(buckets[1].count == 2 && buckets[1].nonFiniteCount == 2)
    #expect(buckets[1].min.isNaN && buckets[1].max.isNaN && buckets[1].mean.isNaN && buckets[1].last.isNaN)
    let summary = history.summary(of: .trainLoss)
    #expect(summary.count == 6 && summary.nonFiniteCount == 4)
    #expect(summary.min == 2 && summary.max == 4 && summary.mean == 3)
  }

  @Test func tenMillionPointsStayBoundedAndExact() throws {
    // 10 million points of a sawtooth v = x mod 1000 (integers, so every sum is exact in Double),
    // with one spike 1e6 at x = 7_654_321 and one NaN at x = 1_234_567.
    let capacity = 4096
    var history = History(capacity: capacity)
    let n = 10_000_000
    let spikeX = 7_654_321
    let nanX = 1_234_567
    for x in 0..<n {
      let value = x == spikeX ? 1e6 : (x == nanX ? .nan : Double(x % 1000))
      history.record(value, at: x, in: .trainLoss)
    }
    let series = history.series(.trainLoss)
    #expect(series.buckets.count <= capacity)
    #expect(series.pointCount == n)
    #expect(series.buckets.reduce(0) { $0 + $1.count } == n)
    #expect(series.buckets.reduce(0) { $0 + $1.nonFiniteCount } == 1)
    // The spike survives in its bucket's max, and nowhere else.
    let spikeBucket = try #require(series.buckets.first { $0.firstX <= spikeX && spikeX <= $0.lastX })
    #expect(spikeBucket.max == 1e6)
    #expect(series.buckets.map(\.max).max() == 1e6)
    #expect(series.buckets.filter { $0.max == 1e6 }.count == 1)
    #expect(series.buckets.map(\.min).min() == 0)
    // Exact totals: sum over x of (x mod 1000) = 10_000 full cycles × 499_500,
    // minus the replaced values (7_654_321 mod 1000 = 321, 1_234_567 mod 1000 = 567), plus 1e6.
    let expectedSum = 10_000.0 * 499_500 - 321 - 567 + 1e6
    let summary = history.summary(of: .trainLoss)
    #expect(summary.count == n && summary.nonFiniteCount == 1)
    #expect(summary.finiteSum == expectedSum)
    #expect(summary.max == 1e6 && summary.min == 0)
    #expect(summary.mean == expectedSum / Double(n - 1))
    // Bucket means recombine to the global mean (each bucket mean = its exact integer sum / count).
    let recombined = series.buckets.reduce(0.0) { $0 + $1.mean * Double($1.count - $1.nonFiniteCount) }
    #expect(abs(recombined - expectedSum) <= 1e-9 * expectedSum)
    // Contiguous coverage: each bucket starts right after the previous one ends.
    #expect(series.buckets.first?.firstX == 0 && series.buckets.last?.lastX == n - 1)
    #expect(zip(series.buckets, series.buckets.dropFirst()).allSatisfy { $0.lastX + 1 == $1.firstX })
  }
}
