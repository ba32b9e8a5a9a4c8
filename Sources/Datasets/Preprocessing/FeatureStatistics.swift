/// Per-feature statistics of a training split (after u8 pixels are divided by 255), in Double.
public struct FeatureStatistics: Codable, Sendable, Equatable {
  /// The mean of each feature.
  public var mean: [Double]
  /// The population standard deviation of each feature (divides by n).
  public var standardDeviation: [Double]
  /// The smallest value of each feature.
  public var minimum: [Double]
  /// The largest value of each feature.
  public var maximum: [Double]
  /// The mean over every value of every feature.
  public var overallMean: Double
  /// The population standard deviation over every value of every feature.
  public var overallStandardDeviation: Double

  /// Empty statistics (nothing fitted).
  public init() {
    mean = []
    standardDeviation = []
    minimum = []
    maximum = []
    overallMean = 0
    overallStandardDeviation = 0
  }

  /// Fits the statistics of `rows` of `block`, each value first divided by `divisor`; NaNs are skipped.
  init(block: SampleBlock, rows: [Int], divisor: Float) {
    let accumulator = FeatureAccumulator(block: block, rows: rows, divisor: Double(divisor))
    self.mean = accumulator.means
    self.standardDeviation = accumulator.standardDeviations
    self.minimum = accumulator.minimum
    self.maximum = accumulator.maximum
    (overallMean, overallStandardDeviation) = accumulator.overall
  }
}

/// Per-feature counts, means, squared deviations and extremes over selected rows (NaN cells skipped).
private struct FeatureAccumulator {
  var means: [Double]
  var squaredDeviations: [Double]
  var minimum: [Double]
  var maximum: [Double]
  var counts: [Int]

  init(block: SampleBlock, rows: [Int], divisor: Double) {
    let width = block.featureCount
    means = [Double](repeating: 0, count: width)
    squaredDeviations = means
    minimum = means
    maximum = means
    counts = [Int](repeating: 0, count: width)
    switch block.features {
    case .bytes(let bytes): accumulateHistogram(bytes, rows: rows, width: width, divisor: divisor)
    case .floats(let values): accumulateTwoPass(values, rows: rows, width: width, divisor: divisor)
    }
  }

  /// The population standard deviation of each feature; exactly 0 for constant features.
  var standardDeviations: [Double] {
    means.indices.map { j in
      counts[j] == 0 || minimum[j] == maximum[j] ? 0 : (squaredDeviations[j] / Double(counts[j])).squareRoot()
    }
  }

  /// Bytes: one pass building a 256-bin histogram per feature, then exact moments from the bins.
  private mutating func accumulateHistogram(_ bytes: [UInt8], rows: [Int], width: Int, divisor: Double) {
    var histogram = [Int](repeating: 0, count: width * 256)
    bytes.withUnsafeBufferPointer { p in
      histogram.withUnsafeMutableBufferPointer { h in
        for row in rows {
          let base = row * width
          for j in 0..<width { h[j &* 256 &+ Int(p[base + j])] &+= 1 }
        }
      }
    }
    for j in 0..<width {
      let bins = histogram[(j * 256)..<(j * 256 + 256)]
      counts[j] = rows.count
      guard let low = bins.firstIndex(where: { $0 > 0 }), let high = bins.lastIndex(where: { $0 > 0 }) else {
        continue
      }
      minimum[j] = Double(low - j * 256) / divisor
      maximum[j] = Double(high - j * 256) / divisor
      var sum = 0.0
      for (index, n) in zip(bins.indices, bins) where n > 0 { sum += Double(n) * Double(index - j * 256) / divisor }
      means[j] = sum / Double(rows.count)
      var squares = 0.0
      for (index, n) in zip(bins.indices, bins) where n > 0 {
        let d = Double(index - j * 256) / divisor - means[j]
        squares += Double(n) * d * d
      }
      squaredDeviations[j] = squares
    }
  }

  /// Floats: a pass for counts, sums and extremes, a second for squared deviations from the mean.
  private mutating func accumulateTwoPass(_ values: [Float], rows: [Int], width: Int, divisor: Double) {
    var sums = [Double](repeating: 0, count: width)
    minimum = [Double](repeating: .infinity, count: width)
    maximum = [Double](repeating: -.infinity, count: width)
    values.withUnsafeBufferPointer { p in
      for row in rows {
        for j in 0..<width where !p[row * width + j].isNaN {
          let x = Double(p[row * width + j]) / divisor
          sums[j] += x
          minimum[j] = Swift.min(minimum[j], x)
          maximum[j] = Swift.max(maximum[j], x)
          counts[j] += 1
        }
      }
    }
    for j in 0..<width {
      means[j] = counts[j] > 0 ? sums[j] / Double(counts[j]) : 0
      if counts[j] == 0 { (minimum[j], maximum[j]) = (0, 0) }
    }
    values.withUnsafeBufferPointer { p in
      for row in rows {
        for j in 0..<width where !p[row * width + j].isNaN {
          let d = Double(p[row * width + j]) / divisor - means[j]
          squaredDeviations[j] += d * d
        }
      }
    }
  }

  /// The mean and population std over every counted value (exact combination of the per-feature sums).
  var overall: (Double, Double) {
    let total = counts.reduce(0, +)
    guard total > 0 else { return (0, 0) }
    var sum = 0.0
    for j in means.indices { sum += means[j] * Double(counts[j]) }
    let mean = sum / Double(total)
    var squares = 0.0
    for j in means.indices {
      let d = means[j] - mean
      squares += squaredDeviations[j] + Double(counts[j]) * d * d
    }
    return (mean, (squares / Double(total)).squareRoot())
  }
}
