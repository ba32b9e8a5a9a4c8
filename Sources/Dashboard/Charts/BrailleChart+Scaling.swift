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
      for point in line.points where point.x.isFinite {
        low = min(low, point.x)
        high = max(high, point.x)
      }
    }
    guard low <= high else { return nil }
    return low...(high > low ? high : low + 1)
  }

  /// The dot column for `x`.
  static func column(_ x: Double, xRange: ClosedRange<Double>, dotColumns: Int) -> Int {
    let span = xRange.upperBound - xRange.lowerBound
    let t = span > 0 ? (x - xRange.lowerBound) / span : 0
    return Int((t * Double(dotColumns - 1)).rounded())
  }

  /// Averages a series into `dotColumns` columns (points outside the x range are dropped).
  func aggregate(_ line: ChartSeries, xRange: ClosedRange<Double>, dotColumns: Int) -> ChartColumns {
    let count = max(0, dotColumns)
    var sums = [Double](repeating: 0, count: count)
    var counts = [Int](repeating: 0, count: count)
    var columns = ChartColumns(
      mean: [Double](repeating: .nan, count: count), low: [Double](repeating: .nan, count: count),
      high: [Double](repeating: .nan, count: count), nonFinite: [])
    guard count > 0 else { return columns }
    for point in line.points where point.x.isFinite {
      let c = BrailleChart.column(point.x, xRange: xRange, dotColumns: count)
      guard c >= 0, c < count else { continue }
      if point.hasNonFinite, line.marksNonFinite, columns.nonFinite.last != c { columns.nonFinite.append(c) }
      if let y = transform(point.y) {
        sums[c] += y
        counts[c] += 1
      }
      if let low = point.low.flatMap(transform) { columns.low[c] = columns.low[c].isNaN ? low : min(columns.low[c], low) }
      if let high = point.high.flatMap(transform) {
        columns.high[c] = columns.high[c].isNaN ? high : max(columns.high[c], high)
      }
    }
    for c in 0..<count where counts[c] > 0 { columns.mean[c] = sums[c] / Double(counts[c]) }
    return columns
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
    return min(dotRows - 1, max(0, Int((t * Double(dotRows - 1)).rounded())))
  }
}
