/// A grid of braille dots: 2 dots wide and 4 high per cell, each cell coloured by the last style drawn in it.
///
/// A cell's character is U+2800 plus its dot bits: left column 0x01 0x02 0x04 0x40 and right
/// column 0x08 0x10 0x20 0x80, top to bottom.
public struct BrailleCanvas: Sendable {
  /// Dot bits for (column parity, row within cell).
  static let bitTable: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  /// The width in cells.
  public let width: Int
  /// The height in cells.
  public let height: Int
  /// Dot bits per cell.
  private var bits: [UInt8]
  /// The style per cell, from the last dot set in it.
  private var styles: [Style]

  /// An empty canvas of `width` × `height` cells.
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    bits = Array(repeating: 0, count: self.width * self.height)
    styles = Array(repeating: .plain, count: self.width * self.height)
  }

  /// The number of dot columns (2 per cell).
  public var dotWidth: Int { width * 2 }
  /// The number of dot rows (4 per cell).
  public var dotHeight: Int { height * 4 }

  /// Sets the dot at (x, y), counted from the top-left, ignoring dots off the canvas.
  public mutating func set(x: Int, y: Int, style: Style) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let index = (y / 4) * width + x / 2
    bits[index] |= BrailleCanvas.bitTable[x % 2][y % 4]
    styles[index] = style
  }

  /// Sets every dot of column `x` from row `from` to row `to` (either order).
  public mutating func verticalSpan(x: Int, from: Int, to: Int, style: Style) {
    for y in min(from, to)...max(from, to) { set(x: x, y: y, style: style) }
  }

  /// Draws a continuous line from (x0, y0) to (x1, y1), x0 ≤ x1.
  ///
  /// Each column after the first gets the linearly interpolated row, and the dots between it and
  /// the previous column's row, so steep segments stay connected.
  public mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), style: Style) {
    set(x: start.x, y: start.y, style: style)
    guard end.x > start.x else {
      verticalSpan(x: start.x, from: start.y, to: end.y, style: style)
      return
    }
    var previous = start.y
    for x in (start.x + 1)...end.x {
      let t = Double(x - start.x) / Double(end.x - start.x)
      let y = BrailleChart.roundedToInt(Double(start.y) + t * Double(end.y - start.y))
      let first = y == previous ? y : previous + (y > previous ? 1 : -1)
      verticalSpan(x: x, from: first, to: y, style: style)
      previous = y
    }
  }

  /// True when the cell at (column, row) has any dot.
  public func isSet(column: Int, row: Int) -> Bool { bits[row * width + column] != 0 }

  /// Copies the cells that have dots onto `screen` with their top-left at (x, y).
  public func draw(into screen: inout Screen, x: Int, y: Int) {
    for row in 0..<height {
      for column in 0..<width {
        let index = row * width + column
        guard bits[index] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[index])) else { continue }
        screen.set(x: x + column, y: y + row, Cell(scalar: scalar, style: styles[index]))
      }
    }
  }
}
