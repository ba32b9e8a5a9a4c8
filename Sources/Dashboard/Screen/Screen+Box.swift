extension Screen {
  /// Draws a box around `rect` with an optional title in its top edge: `┌ Title ───┐`.
  ///
  /// Borders drawn over existing borders merge into joins (├ ┤ ┬ ┴ ┼), so neighbouring boxes
  /// that share an edge come out as one grid.
  public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .faint) {
    border(rect, style: style)
    if let title { self.title([Span(title, style)], on: rect) }
  }

  /// Draws only the border of a box around `rect`, merging with borders already there.
  public mutating func border(_ rect: Rect, style: Style = .faint) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let right = rect.maxX - 1
    let bottom = rect.maxY - 1
    for column in rect.x...right {
      var top: BoxDrawing = []
      var base: BoxDrawing = []
      if column > rect.x {
        top.insert(.left)
        base.insert(.left)
      }
      if column < right {
        top.insert(.right)
        base.insert(.right)
      }
      let isCorner = column == rect.x || column == right
      merge(isCorner ? top.union(.down) : top, x: column, y: rect.y, style: style)
      merge(isCorner ? base.union(.up) : base, x: column, y: bottom, style: style)
    }
    if bottom - rect.y > 1 {
      for row in (rect.y + 1)..<bottom {
        merge([.up, .down], x: rect.x, y: row, style: style)
        merge([.up, .down], x: right, y: row, style: style)
      }
    }
  }

  /// Writes a title into the top edge of the box around `rect`: a space, the spans, a space.
  public mutating func title(_ spans: [Span], on rect: Rect) {
    guard rect.width > 4, !spans.isEmpty else { return }
    let room = rect.width - 2
    var column = put(" ", x: rect.x + 1, y: rect.y, style: .faint, maxWidth: room)
    column = put(spans.truncated(to: room - 2), x: column, y: rect.y)
    put(" ", x: column, y: rect.y, style: .faint, maxWidth: rect.maxX - 1 - column)
  }

  /// Writes spans right-aligned into the bottom edge of the box around `rect`: `── text ┘`.
  public mutating func bottomTitle(_ spans: [Span], on rect: Rect) {
    guard rect.width > 4, !spans.isEmpty else { return }
    let shown = spans.truncated(to: rect.width - 4)
    let start = rect.maxX - 2 - shown.width - 1
    put(" ", x: start, y: rect.maxY - 1, style: .faint)
    put(shown, x: start + 1, y: rect.maxY - 1)
    put(" ", x: start + 1 + shown.width, y: rect.maxY - 1, style: .faint)
  }

  /// Adds the lines of `directions` to the box character at (x, y), or replaces any other character.
  private mutating func merge(_ directions: BoxDrawing, x: Int, y: Int, style: Style) {
    guard contains(x: x, y: y) else { return }
    let existing = BoxDrawing(scalar: cell(x: x, y: y).scalar) ?? []
    set(x: x, y: y, Cell(scalar: existing.union(directions).scalar, style: style))
  }
}
