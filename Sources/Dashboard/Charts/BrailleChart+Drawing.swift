import Foundation
import Training

extension BrailleChart {
  /// Draws spans, rules and lines onto the canvas, in that order.
  func draw(_ columns: [ChartColumns], yRange: ClosedRange<Double>, on canvas: inout BrailleCanvas) {
    let rows = canvas.dotHeight
    for (line, column) in zip(series, columns) {
      guard let spanStyle = line.spanStyle else { continue }
      for c in column.low.indices where !column.low[c].isNaN && !column.high[c].isNaN {
        let top = BrailleChart.row(column.high[c], yRange: yRange, dotRows: rows)
        let bottom = BrailleChart.row(column.low[c], yRange: yRange, dotRows: rows)
        canvas.verticalSpan(x: c, from: top, to: bottom, style: spanStyle)
      }
    }
    for rule in rules {
      guard let y = transform(rule.y), yRange.contains(y) else { continue }
      let row = BrailleChart.row(y, yRange: yRange, dotRows: rows)
      for x in 0..<canvas.dotWidth { canvas.set(x: x, y: row, style: rule.style) }
    }
    for (line, column) in zip(series, columns) {
      drawLine(column.mean, style: line.style, clipped: !line.affectsRange, yRange: yRange, on: &canvas)
    }
  }

  /// Connects the finite column means of one series.
  func drawLine(
    _ means: [Double], style: Style, clipped: Bool, yRange: ClosedRange<Double>, on canvas: inout BrailleCanvas
  ) {
    var previous: (x: Int, y: Int)?
    for (x, mean) in means.enumerated() where !mean.isNaN {
      if clipped && !yRange.contains(mean) {
        previous = nil
        continue
      }
      let point = (x: x, y: BrailleChart.row(mean, yRange: yRange, dotRows: canvas.dotHeight))
      if let previous {
        canvas.line(from: previous, to: point, style: style)
      } else {
        canvas.set(x: point.x, y: point.y, style: style)
      }
      previous = point
    }
  }

  /// Draws the red `×` of non-finite values, then the chart's markers, on the plot's top row.
  func drawMarkers(_ columns: [ChartColumns], xRange: ClosedRange<Double>, plot: Rect, into screen: inout Screen) {
    guard !plot.isEmpty else { return }
    for column in columns {
      for c in column.nonFinite {
        screen.set(x: plot.x + c / 2, y: plot.y, Cell("×", style: Style(.red, bold: true)))
      }
    }
    for marker in markers where xRange.contains(marker.x) {
      let c = BrailleChart.column(marker.x, xRange: xRange, dotColumns: plot.width * 2)
      screen.set(x: plot.x + c / 2, y: plot.y, Cell(marker.character, style: marker.style))
    }
  }

  /// The cell rows that carry a y tick: 3–5 evenly spaced rows (fewer only when the plot is shorter).
  public static func tickRows(_ rows: Int) -> [Int] {
    guard rows > 1 else { return rows == 1 ? [0] : [] }
    let count = rows <= 3 ? rows : min(5, max(3, (rows - 1) / 3 + 1))
    return (0..<count).map { Int((Double($0 * (rows - 1)) / Double(count - 1)).rounded()) }
  }

  /// The tick labels, with the fewest significant digits (2–5) that keep them distinct.
  func tickLabels(_ yRange: ClosedRange<Double>, rows: Int) -> [(row: Int, label: String)] {
    let tickRows = BrailleChart.tickRows(rows)
    let span = yRange.upperBound - yRange.lowerBound
    let values = tickRows.map { row -> Double in
      let t = rows > 1 ? Double(row) / Double(rows - 1) : 0
      let value = yRange.upperBound - span * t
      let shown = logScale ? pow(10, value) : value
      return abs(value) < span * 1e-9 && !logScale ? 0 : shown
    }
    var labels: [String] = []
    for digits in 2...5 {
      labels = values.map { Format.compact($0, significantDigits: digits) }
      if Set(labels).count == labels.count { break }
    }
    return Array(zip(tickRows, labels)).map { (row: $0.0, label: $0.1) }
  }

  /// Right-aligned tick labels and the axis line `┤`/`│` left of the plot.
  func drawYAxis(_ ticks: [(row: Int, label: String)], labelWidth: Int, plot: Rect, into screen: inout Screen) {
    let axisX = plot.x - 1
    for row in 0..<plot.height { screen.set(x: axisX, y: plot.y + row, Cell("│", style: .faint)) }
    for tick in ticks {
      screen.put(tick.label.leftPadded(to: labelWidth), x: axisX - labelWidth, y: plot.y + tick.row, style: .faint)
      screen.set(x: axisX, y: plot.y + tick.row, Cell("┤", style: .faint))
    }
  }

  /// The x-axis line under the plot: `└` then the first x, the unit in the middle, the last x.
  func drawXAxis(_ xRange: ClosedRange<Double>, plot: Rect, into screen: inout Screen) {
    let y = plot.maxY
    screen.set(x: plot.x - 1, y: y, Cell("└", style: .faint))
    let first = BrailleChart.axisLabel(xRange.lowerBound)
    let last = BrailleChart.axisLabel(xRange.upperBound)
    guard first.count + last.count + 1 <= plot.width else {
      screen.put(last, x: plot.maxX - last.count, y: y, style: .faint, maxWidth: plot.width)
      return
    }
    screen.put(first, x: plot.x, y: y, style: .faint)
    screen.put(last, x: plot.maxX - last.count, y: y, style: .faint)
    let room = plot.width - first.count - last.count - 2
    if xUnit.count <= room {
      screen.put(xUnit, x: plot.x + (plot.width - xUnit.count) / 2, y: y, style: .faint)
    }
  }

  /// An x value for the axis line: whole numbers in full below 100000, otherwise compact.
  static func axisLabel(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 100_000 { return String(Int(x)) }
    return Format.compact(x, significantDigits: 3)
  }
}
