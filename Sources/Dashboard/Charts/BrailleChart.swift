/// A braille line chart: several series, y ticks on the left, an x-axis label line below.
///
/// Points are averaged into dot columns (2 per cell), so the cost follows the number of points
/// (bounded `Series` buckets), not the length of the run. Non-finite values are not drawn as
/// lines but marked with a red `×` on the top row; in log scale non-positive values are skipped.
public struct BrailleChart: Sendable {
  /// The lines, drawn in order (a cell takes the colour of the last line drawn in it).
  public var series: [ChartSeries]
  /// Characters drawn on the top row at given x values.
  public var markers: [ChartMarker]
  /// Horizontal lines at given values.
  public var rules: [ChartRule]
  /// The x range shown; nil fits the data.
  public var xRange: ClosedRange<Double>?
  /// The y range shown (in data units); nil fits the data.
  public var yRange: ClosedRange<Double>?
  /// Plot log10 of the values (non-positive values are skipped).
  public var logScale: Bool
  /// Fit the y range to the 5th–95th percentile of the visible values instead of min–max.
  public var robustRange: Bool
  /// Draw y ticks and the x-axis label line (false: the whole area is plot).
  public var showsAxes: Bool
  /// The x unit named on the axis line, e.g. `step` or `epoch`.
  public var xUnit: String
  /// How far the x range is zoomed in: level n shows the newest 1/2ⁿ of it (0: all).
  public var xZoom = 0

  public init(
    series: [ChartSeries], markers: [ChartMarker] = [], rules: [ChartRule] = [],
    xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
    logScale: Bool = false, robustRange: Bool = false, showsAxes: Bool = true, xUnit: String = "step"
  ) {
    self.series = series
    self.markers = markers
    self.rules = rules
    self.xRange = xRange
    self.yRange = yRange
    self.logScale = logScale
    self.robustRange = robustRange
    self.showsAxes = showsAxes
    self.xUnit = xUnit
  }

  /// A bare chart (no axes) of one series of `values` at x = 0, 1, 2, …
  public init(values: [Double], range: ClosedRange<Double>? = nil, style: Style = .plain) {
    self.init(series: [ChartSeries(values: values, style: style)], yRange: range, showsAxes: false)
  }

  /// This chart with its x range zoomed to the newest 1/2^`level` (the mouse wheel).
  public func zoomed(_ level: Int) -> BrailleChart {
    var chart = self
    chart.xZoom = max(0, level)
    return chart
  }

  /// The newest 1/2^`zoom` of `range` (all of it at 0).
  static func newest(of range: ClosedRange<Double>, zoom: Int) -> ClosedRange<Double> {
    guard zoom > 0 else { return range }
    let span = (range.upperBound - range.lowerBound) / Double(1 << min(zoom, 30))
    return (range.upperBound - span)...range.upperBound
  }

  /// The smallest width in which the axes are drawn.
  static let minimumAxesWidth = 12
  /// The columns y tick labels take at least.
  static let minimumLabelWidth = 5

  /// Draws the chart into `area` of `screen`.
  public func render(into screen: inout Screen, in area: Rect) {
    guard !area.isEmpty else { return }
    guard let full = xRange ?? dataXRange() else { return noData(into: &screen, in: area) }
    let xs = Self.newest(of: full, zoom: xZoom)
    let axes = showsAxes && area.height >= 2 && area.width >= BrailleChart.minimumAxesWidth
    let labelWidth = BrailleChart.minimumLabelWidth
    var plot = plotRect(area, labelWidth: axes ? labelWidth : 0, axes: axes)
    var columns = series.map { aggregate($0, xRange: xs, dotColumns: plot.width * 2) }
    guard let ys = fixedYRange() ?? fittedYRange(columns) else { return noData(into: &screen, in: area) }
    if axes {
      let ticks = tickLabels(ys, rows: plot.height)
      // Labels take at least 5 columns so the plot does not shift as they change; wider ones
      // (rare: `-2.5e-4`) move the plot, which is then averaged again.
      let widest = max(labelWidth, ticks.map(\.label.count).max() ?? 0)
      if widest != labelWidth {
        plot = plotRect(area, labelWidth: widest, axes: true)
        columns = series.map { aggregate($0, xRange: xs, dotColumns: plot.width * 2) }
      }
      drawYAxis(ticks, labelWidth: widest, plot: plot, into: &screen)
      drawXAxis(xs, plot: plot, into: &screen)
    }
    var canvas = BrailleCanvas(width: plot.width, height: plot.height)
    draw(columns, yRange: ys, on: &canvas)
    canvas.draw(into: &screen, x: plot.x, y: plot.y)
    drawMarkers(columns, xRange: xs, plot: plot, into: &screen)
  }

  /// The plot area inside `area`, after the y labels, the axis column and the x-axis line.
  func plotRect(_ area: Rect, labelWidth: Int, axes: Bool) -> Rect {
    guard axes else { return area }
    return Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: area.height - 1)
  }

  /// Writes a dim `no data yet` in the middle of `area`.
  func noData(into screen: inout Screen, in area: Rect) {
    let text = "no data yet".truncated(to: area.width)
    let spot = area.centered(width: text.count, height: 1)
    screen.put(text, x: spot.x, y: spot.y, style: Style.faint)
  }
}
