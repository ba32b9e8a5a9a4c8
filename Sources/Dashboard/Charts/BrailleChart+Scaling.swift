import Foundation

/// One series averaged into dot columns.
struct ChartColumns {
  /// The mean transformed value per column (NaN where no finite point fell).
  var mean: [Double]
  /// The smallest transformed span value per column (NaN if none).
  var low: [Double]
  /// The largest transformed span value per column (NaN if none).
  var high: [Double]
  /// Columns holding a non-finite value.
  var nonFinite: [Int]
}

extension BrailleChart {
  /// The value as plotted: log10 in log scale (nil if not positive), nil if not finite.
  @inline(__always)
  func transform(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    guard logScale else { return value }
    return value > 0 ? log10(value) : nil
  }

  /// The x range covering every point and marker, or nil when there is nothing to draw.
  func dataXRange() -> ClosedRange<Double>? {
    var low = Double.infinity
    var high = -Double.infinity
    for line in series {
      for x in line.xs where x.isFinite {
        low = min(low, x)
        high = max(high, x)
      }
    }
    guard low <= high else { return nil }
    return low...(high > low ? high : low + 1)
  }

  /// The dot column for `x` (may fall outside 0..<dotColumns for x outside the range).
  static func column(_ x: Double, xRange: ClosedRange<Double>, dotColumns: Int) -> Int {
    let span = xRange.upperBound - xRange.lowerBound
    let t = span > 0 ? (x - xRange.lowerBound) / span : 0
    return roundedToInt(t * Double(dotColumns - 1))
  }

  /// The nearest integer, halves away from zero, without a libm call (this runs per point).
  @inline(__always)
  static func roundedToInt(_ value: Double) -> Int {
    // Clamp first: a diverged but finite value (1e30) would trap in Int(_:). NaN maps to 0.
    guard value.isFinite else { return value > 0 ? Int(Int32.max) : (value < 0 ? Int(Int32.min) : 0) }
    let clamped = min(max(value, Double(Int32.min)), Double(Int32.max))
    return clamped >= 0 ? Int(clamped + 0.5) : -Int(-clamped + 0.5)
  }

  /// Averages a series into `dotColumns` columns (points outside the x range are dropped).
  func aggregate(_ line: ChartSeries, xRange: ClosedRange<Double>, dotColumns: Int) -> ChartColumns {
    let count = max(0, dotColumns)
    var columns = ChartColumns(
      mean: [Double](repeating: .nan, count: count), low: [Double](repeating: .nan, count: count),
      high: [Double](repeating: .nan, count: count), nonFinite: [])
    guard count > 0 else { return columns }
    var counts = [Int](repeating: 0, count: count)
    let span = xRange.upperBound - xRange.lowerBound
    let scale = span > 0 ? Double(count - 1) / span : 0
    let lowerBound = xRange.lowerBound
    // The sums go into `mean` (NaN marks an empty column); divided by the counts at the end.
    columns.mean.withUnsafeMutableBufferPointer { sums in
      counts.withUnsafeMutableBufferPointer { counts in
        line.xs.withUnsafeBufferPointer { xs in
          line.ys.withUnsafeBufferPointer { ys in
            for index in 0..<xs.count {
              guard xs[index].isFinite else { continue }
              let c = BrailleChart.roundedToInt((xs[index] - lowerBound) * scale)
              guard c >= 0, c < count, let y = transform(ys[index]) else { continue }
              sums[c] = counts[c] == 0 ? y : sums[c] + y
              counts[c] += 1
            }
          }
        }
      }
    }
    for c in 0..<count where counts[c] > 0 { columns.mean[c] /= Double(counts[c]) }
    if line.marksNonFinite {
      columns.nonFinite = nonFiniteColumns(line, lowerBound: lowerBound, scale: scale, count: count)
    }
    if line.spanStyle != nil, !line.lows.isEmpty, !line.highs.isEmpty {
      spanColumns(line, lowerBound: lowerBound, scale: scale, into: &columns)
    }
    return columns
  }

  /// The columns holding a non-finite value, in order, each once.
  private func nonFiniteColumns(_ line: ChartSeries, lowerBound: Double, scale: Double, count: Int) -> [Int] {
    var result: [Int] = []
    for index in line.xs.indices where line.isNonFinite(at: index) && line.xs[index].isFinite {
      let c = BrailleChart.roundedToInt((line.xs[index] - lowerBound) * scale)
      if c >= 0, c < count, result.last != c { result.append(c) }
    }
    return result
  }

  /// The smallest low and largest high per column.
  private func spanColumns(_ line: ChartSeries, lowerBound: Double, scale: Double, into columns: inout ChartColumns) {
    let count = columns.low.count
    for index in line.xs.indices where line.xs[index].isFinite {
      let c = BrailleChart.roundedToInt((line.xs[index] - lowerBound) * scale)
      guard c >= 0, c < count else { continue }
      if let y = transform(line.lows[index]) { columns.low[c] = columns.low[c].isNaN ? y : min(columns.low[c], y) }
      if let y = transform(line.highs[index]) { columns.high[c] = columns.high[c].isNaN ? y : max(columns.high[c], y) }
    }
  }

  /// The explicit y range, transformed (nil when not set or empty in log scale).
  func fixedYRange() -> ClosedRange<Double>? {
    guard let yRange, let low = transform(yRange.lowerBound), let high = transform(yRange.upperBound) else {
      return nil
    }
    return BrailleChart.padded(low, high)
  }

  /// The y range fitted to the visible column means of the range-affecting series.
  func fittedYRange(_ columns: [ChartColumns]) -> ClosedRange<Double>? {
    var values: [Double] = []
    for (line, column) in zip(series, columns) where line.affectsRange {
      values.append(contentsOf: column.mean.lazy.filter { !$0.isNaN })
    }
    guard !values.isEmpty else { return nil }
    if robustRange {
      values.sort()
      return BrailleChart.padded(
        BrailleChart.percentile(values, 0.05), BrailleChart.percentile(values, 0.95))
    }
    return BrailleChart.padded(values.min() ?? 0, values.max() ?? 0)
  }

  /// `low...high`, widened around the value when the two are (nearly) equal.
  static func padded(_ low: Double, _ high: Double) -> ClosedRange<Double> {
    let (a, b) = (min(low, high), max(low, high))
    guard b - a <= 1e-12 * max(1, abs(a)) else { return a...b }
    let pad = a == 0 ? 1 : abs(a) * 0.1
    return (a - pad)...(b + pad)
  }

  /// The `p` quantile of sorted values, interpolating linearly between ranks (numpy's default).
  public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard let first = sorted.first else { return .nan }
    guard sorted.count > 1 else { return first }
    let rank = p * Double(sorted.count - 1)
    let below = Int(rank.rounded(.down))
    let above = min(below + 1, sorted.count - 1)
    return sorted[below] + (rank - Double(below)) * (sorted[above] - sorted[below])
  }

  /// The dot row of a transformed value, clamped to the plot.
  static func row(_ value: Double, yRange: ClosedRange<Double>, dotRows: Int) -> Int {
    let span = yRange.upperBound - yRange.lowerBound
    let t = span > 0 ? (yRange.upperBound - value) / span : 0.5
    return min(dotRows - 1, max(0, roundedToInt(t * Double(dotRows - 1))))
  }
}
