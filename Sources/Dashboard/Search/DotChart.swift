import Foundation
import Training

/// A scatter chart in braille: dots and lines over an x range (linear or log10), y labels (top and
/// bottom value) on the left and x labels on the row below. The trials dashboard's parameter
/// scatters and its best-so-far chart.
struct DotChart {
  struct Dot {
    var x: Double
    var y: Double
    var style: Style
  }

  struct Line {
    var points: [(x: Double, y: Double)]
    var style: Style
  }

  var dots: [Dot] = []
  /// Drawn under the dots.
  var lines: [Line] = []
  var xRange: ClosedRange<Double>
  /// Positions along x by log10 (the range's bounds must be above 0).
  var xLog = false
  /// Texts written under the plot at their x (left to right; one that would overlap is skipped).
  var xLabels: [(x: Double, text: String)] = []

  /// Draws the chart into `area`; `no data yet` when there is nothing to draw.
  func render(into screen: inout Screen, in area: Rect) {
    guard area.width >= 8, area.height >= 3 else { return }
    let ys = dots.map(\.y) + lines.flatMap { $0.points.map(\.y) }
    guard let yRange = Self.fit(ys.filter(\.isFinite)) else {
      let text = "no data yet".truncated(to: area.width)
      let spot = area.centered(width: text.count, height: 1)
      screen.put(text, x: spot.x, y: spot.y, style: .faint)
      return
    }
    let top = Format.compact(yRange.upperBound, significantDigits: 3)
    let bottom = Format.compact(yRange.lowerBound, significantDigits: 3)
    let labelWidth = max(top.count, bottom.count)
    let plot = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: area.height - 1)
    guard plot.width >= 2 else { return }
    screen.put(top.leftPadded(to: labelWidth), x: area.x, y: plot.y, style: Palette.secondary)
    screen.put(bottom.leftPadded(to: labelWidth), x: area.x, y: plot.maxY - 1, style: Palette.secondary)
    for row in plot.y..<plot.maxY { screen.put("│", x: plot.x - 1, y: row, style: Palette.border) }
    var canvas = BrailleCanvas(width: plot.width, height: plot.height)
    let place = { (x: Double, y: Double) -> (x: Int, y: Int)? in
      guard let u = self.position(x), y.isFinite else { return nil }
      let v = (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound)
      return (Int((u * Double(canvas.dotWidth - 1)).rounded()), Int(((1 - v) * Double(canvas.dotHeight - 1)).rounded()))
    }
    for line in lines {
      let points = line.points.compactMap { place($0.x, $0.y) }
      for (a, b) in zip(points, points.dropFirst()) { canvas.line(from: a, to: b, style: line.style) }
      if points.count == 1, let only = points.first { canvas.set(x: only.x, y: only.y, style: line.style) }
    }
    for dot in dots {
      guard let p = place(dot.x, dot.y) else { continue }
      canvas.set(x: p.x, y: p.y, style: dot.style)
      canvas.set(x: p.x, y: min(canvas.dotHeight - 1, p.y + 1), style: dot.style)
    }
    canvas.draw(into: &screen, x: plot.x, y: plot.y)
    drawXLabels(into: &screen, plot: plot)
  }

  /// Where `x` falls across the range, 0…1 (clamped); nil for a value that cannot be placed.
  func position(_ x: Double) -> Double? {
    let f = { (v: Double) -> Double in self.xLog ? log10(v) : v }
    guard x.isFinite, !xLog || (x > 0 && xRange.lowerBound > 0) else { return nil }
    let (lo, hi) = (f(xRange.lowerBound), f(xRange.upperBound))
    guard hi > lo else { return 0.5 }
    return min(1, max(0, (f(x) - lo) / (hi - lo)))
  }

  private func drawXLabels(into screen: inout Screen, plot: Rect) {
    var free = plot.x
    for label in xLabels {
      guard let u = position(label.x) else { continue }
      let text = label.text.truncated(to: plot.width)
      let centre = plot.x + Int((u * Double(plot.width - 1)).rounded())
      let x = min(plot.maxX - text.count, max(free, centre - text.count / 2))
      guard x >= free, x + text.count <= plot.maxX else { continue }
      screen.put(text, x: x, y: plot.maxY, style: Palette.secondary)
      free = x + text.count + 1
    }
  }

  /// The y range of `values`, widened a little when they are all equal; nil when there are none.
  static func fit(_ values: [Double]) -> ClosedRange<Double>? {
    guard let low = values.min(), let high = values.max() else { return nil }
    guard high > low else {
      let pad = low == 0 ? 1 : abs(low) * 0.05
      return (low - pad)...(high + pad)
    }
    return low...high
  }
}
