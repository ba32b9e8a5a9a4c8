import Dashboard
import Testing

@Suite struct BrailleChartTests {
  /// The chart drawn into a blank screen of `width` × `height`.
  private func draw(_ chart: BrailleChart, width: Int, height: Int) -> Screen {
    var screen = Screen(width: width, height: height)
    chart.render(into: &screen, in: screen.bounds)
    return screen
  }

  @Test func canvasDotBitsFollowTheBrailleLayout() {
    // Left column 0x01 0x02 0x04 0x40, right column 0x08 0x10 0x20 0x80, top to bottom.
    var canvas = BrailleCanvas(width: 2, height: 1)
    for row in 0..<4 { canvas.set(x: 0, y: row, style: .plain) }
    canvas.set(x: 3, y: 3, style: .plain)
    canvas.set(x: 9, y: 9, style: .plain)  // off the canvas: ignored
    var screen = Screen(width: 2, height: 1)
    canvas.draw(into: &screen, x: 0, y: 0)
    #expect(screen.lines == ["\u{2847}\u{2880}"])  // ⡇ (0x47), ⢀ (0x80)
  }

  @Test func stepUpIsConnectedVerticallyInTheNewColumn() {
    // [0,4,4,4] in 0…4 on 2×1: dots (0,3) then rows 2…0 of column 1, then row 0 of columns 2, 3.
    let screen = draw(BrailleChart(values: [0, 4, 4, 4], range: 0...4), width: 2, height: 1)
    #expect(screen.lines == ["⡸⠉"])  // 0x40|0x08|0x10|0x20 = 0x78, 0x01|0x08 = 0x09
  }

  @Test func diagonalRisesOneRowPerColumn() {
    let screen = draw(BrailleChart(values: [0, 1, 2, 3], range: 0...3), width: 2, height: 1)
    #expect(screen.lines == ["⡠⠊"])  // (0,3)(1,2) = 0x40|0x20, (2,1)(3,0) = 0x02|0x08
  }

  @Test func eachCellTakesTheColourOfTheLastSeriesDrawnInIt() {
    let chart = BrailleChart(
      series: [ChartSeries(values: [0, 0], style: Style(.red)), ChartSeries(values: [1, 1], style: Style(.green))],
      yRange: 0...1, showsAxes: false)
    let screen = draw(chart, width: 1, height: 1)
    #expect(screen.lines == ["⣉"])  // bottom row (0x40|0x80) and top row (0x01|0x08)
    #expect(screen.cell(x: 0, y: 0).style == Style(.green))
  }

  @Test func nonFiniteValuesAreMarkedNotDrawn() {
    // Auto range 1…3; the NaN at x=1 puts a red × in cell 0, the line joins x=0 to x=2 around it.
    let screen = draw(BrailleChart(values: [1, .nan, 2, 3]), width: 2, height: 1)
    #expect(screen.lines == ["×⠜"])
    #expect(screen.cell(x: 0, y: 0).style == Style(.red, bold: true))
    let infinite = draw(BrailleChart(values: [1, 2, 3, .infinity]), width: 2, height: 1)
    #expect(infinite.lines[0].last == "×")
  }

  @Test func logScalePlotsDecadesAndSkipsNonPositiveValues() {
    let decades = BrailleChart(series: [ChartSeries(values: [1, 10, 100, 1000])], logScale: true, showsAxes: false)
    #expect(draw(decades, width: 2, height: 1).lines == ["⡠⠊"])  // log10: 0,1,2,3 is the diagonal
    let withZero = BrailleChart(series: [ChartSeries(values: [0, 10, 100, 1000])], logScale: true, showsAxes: false)
    #expect(draw(withZero, width: 2, height: 1).lines == ["⢀⠜"])  // 0 skipped, no × either
  }

  @Test func emptyChartSaysNoData() {
    let screen = draw(BrailleChart(series: [ChartSeries(values: [])]), width: 15, height: 3)
    #expect(screen.lines == ["               ", "  no data yet  ", "               "])
  }

  @Test func tickRowsAreThreeToFiveEvenlySpaced() {
    #expect(BrailleChart.tickRows(13) == [0, 3, 6, 9, 12])
    #expect(BrailleChart.tickRows(12) == [0, 4, 7, 11])
    #expect(BrailleChart.tickRows(7) == [0, 3, 6])
    #expect(BrailleChart.tickRows(3) == [0, 1, 2])
    #expect(BrailleChart.tickRows(2) == [0, 1])
    #expect(BrailleChart.tickRows(1) == [0])
  }

  @Test func axesShowTicksOnTheLeftAndXRangeWithUnitBelow() {
    // 0→10 over x 0…1 in 16×5: labels take 5 columns, then the axis; 4 plot rows with ticks at rows
    // 0, 2, 3 (10, 3.3, 0) and 10 plot columns;
    // the line falls 15 dot rows over 19 dot columns (column 1: row 14.2 → 14, column 3: 12.6 → 13).
    let chart = BrailleChart(series: [ChartSeries(values: [0, 10])], xUnit: "step")
    let screen = draw(chart, width: 16, height: 5)
    #expect(
      screen.lines == [
        "   10┤       ⢀⠤⠊",
        "     │     ⡠⠔⠁  ",
        "  3.3┤  ⢀⠔⠊     ",
        "    0┤⡠⠒⠁       ",
        "     └0  step  1",
      ])
  }

  @Test func logScaleTicksAreDecades() {
    let chart = BrailleChart(series: [ChartSeries(values: [1e-4, 1e-3, 1e-2])], logScale: true)
    let screen = draw(chart, width: 16, height: 4)
    #expect(screen.lines.map { String($0.prefix(6)) } == [" 0.01┤", "0.001┤", " 1e-4┤", "     └"])
    let wide = BrailleChart(series: [ChartSeries(values: [-2.5e-4, 1e-4])])
    // A label wider than 5 columns moves the plot right.
    #expect(
      draw(wide, width: 16, height: 3).lines.map { String($0.prefix(8)) } == ["   1e-4┤", "-2.5e-4┤", "       └"])
  }

  @Test func robustRangeFitsTheFifthToNinetyFifthPercentile() {
    // 0…98 and one spike of 10000, one point per dot column (50 cells = 100 columns).
    var values = (0..<100).map(Double.init)
    values[99] = 10_000
    #expect(BrailleChart.percentile(values.sorted(), 0.05) == 4.95)  // rank 4.95 between 4 and 5
    #expect(abs(BrailleChart.percentile(values.sorted(), 0.95) - 94.05) < 1e-12)  // rank 94.05
    let plain = draw(BrailleChart(series: [ChartSeries(values: values)]), width: 56, height: 6)
    let robust = draw(BrailleChart(series: [ChartSeries(values: values)], robustRange: true), width: 56, height: 6)
    #expect(plain.lines[0].hasPrefix("  10k┤"))
    #expect(plain.lines[0].hasSuffix("⢸"))  // the spike, at the top right
    #expect(plain.lines[4].hasPrefix("    0┤⣀⣀⣀"))  // everything else flat at the bottom
    #expect(robust.lines[0].hasPrefix("   94┤"))
    #expect(robust.lines[4].hasPrefix("    5┤⣀"))  // 4.95 with 2 digits; the ramp is visible again
    #expect(robust.lines[2].contains("⠤"))
  }

  @Test func rulesAndMarkersAreDrawnOnlyInRange() {
    let chart = BrailleChart(
      series: [ChartSeries(values: [0, 0, 0, 0])], markers: [ChartMarker(x: 3, character: "▼", style: Style(.yellow))],
      rules: [ChartRule(y: 1, style: Style(.red)), ChartRule(y: 9, style: Style(.red))], yRange: 0...1, showsAxes: false
    )
    let screen = draw(chart, width: 2, height: 1)
    #expect(screen.lines == ["⣉▼"])
    #expect(screen.cell(x: 1, y: 0).style == Style(.yellow))
  }

  @Test func manyPointsAreAveragedIntoColumns() {
    // 4000 points into 2 dot columns: 0…1999 average to 999.5, 2000…3999 to 2999.5 (range 0…4000).
    let values = (0..<4000).map(Double.init)
    let screen = draw(BrailleChart(values: values, range: 0...3999), width: 1, height: 1)
    // Rows: (3999−999.5)/3999·3 = 2.25 → 2, (3999−2999.5)/3999·3 = 0.75 → 1; joined: 0x04, then 0x10.
    #expect(screen.lines == ["\u{2814}"])
  }
}
