import Foundation

/// A grid of cells: what one frame of the dashboard looks like, as a plain value.
///
/// Every drawing call clips to the grid, so panes never need to check bounds.
public struct Screen: Equatable, Sendable {
  /// The number of columns.
  public let width: Int
  /// The number of rows.
  public let height: Int
  /// The cells, row by row.
  public private(set) var cells: [Cell]

  /// A blank screen of the given size.
  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: fill, count: self.width * self.height)
  }

  /// The whole screen as a rectangle.
  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// The rows' text without styles, each exactly `width` characters.
  public var lines: [String] {
    (0..<height).map { row in
      var line = String.UnicodeScalarView()
      for column in 0..<width { line.append(cells[row * width + column].scalar) }
      return String(line)
    }
  }

  /// True when (x, y) is on the screen.
  public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

  /// The cell at (x, y); a blank cell off the screen.
  public func cell(x: Int, y: Int) -> Cell {
    contains(x: x, y: y) ? cells[y * width + x] : .blank
  }

  /// Replaces the cell at (x, y) if it is on the screen.
  public mutating func set(x: Int, y: Int, _ cell: Cell) {
    guard contains(x: x, y: y) else { return }
    cells[y * width + x] = cell
  }

  /// Writes `text` from (x, y) to the right, clipped to the screen and to `maxWidth` columns.
  ///
  /// Each character (grapheme) takes one column, as layout counts them (`String.count`): text is
  /// composed first (NFC), and a character that is still several scalars, such as a letter with a
  /// combining mark that has no precomposed form, keeps its base scalar.
  /// - Returns: the column after the last character written (or that would have been).
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max) -> Int {
    var column = x
    let limit = maxWidth == .max ? Int.max : x + max(0, maxWidth)
    let onRow = y >= 0 && y < height
    let composed = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    for character in composed {
      if column >= limit { break }
      if onRow, column >= 0, column < width {
        cells[y * width + column] = Cell(scalar: character.unicodeScalars.first ?? " ", style: style)
      }
      column += 1
    }
    return column
  }

  /// Writes styled spans one after the other from (x, y), clipped to `maxWidth` columns.
  ///
  /// - Returns: the column after the last span.
  @discardableResult
  public mutating func put(_ spans: [Span], x: Int, y: Int, maxWidth: Int = .max) -> Int {
    var column = x
    let limit = maxWidth == .max ? Int.max : x + max(0, maxWidth)
    for span in spans {
      column = put(span.text, x: column, y: y, style: span.style, maxWidth: limit - column)
    }
    return column
  }

  /// Fills every cell of `rect` (clipped) with `character` in `style`.
  public mutating func fill(_ rect: Rect, character: Character = " ", style: Style = .plain) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    let cell = Cell(character, style: style)
    for row in area.y..<area.maxY {
      for column in area.x..<area.maxX { cells[row * width + column] = cell }
    }
  }
}
