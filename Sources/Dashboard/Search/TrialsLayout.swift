/// Where the trials dashboard's boxes go for a screen size (neighbours share their borders).
public struct TrialsLayout: Equatable, Sendable {
  public var header: Rect
  public var footer: Rect
  /// The area of all boxes together.
  public var body: Rect
  public var table: Rect
  public var curves: Rect
  public var history: Rect
  /// One box per parameter scatter shown (as many as fit at 24 columns or more each, at most 4).
  public var scatters: [Rect]
  public var importance: Rect
  /// The events box, on screens 30 rows or taller.
  public var events: Rect?

  /// The smallest width a parameter scatter takes.
  static let scatterWidth = 24

  /// The layout for `width` × `height` (at least `Dashboard.minimumSize`) and `scatters` parameters.
  public init(width: Int, height: Int, scatters parameterCount: Int) {
    header = Rect(x: 0, y: 0, width: width, height: 2)
    footer = Rect(x: 0, y: height - 1, width: width, height: 1)
    body = Rect(x: 0, y: 2, width: width, height: height - 3)
    let eventLines = height >= 30 ? 4 : 0
    let rows = body.split(
      .vertical, [.ratio(3), .ratio(2)] + (eventLines > 0 ? [.fixed(eventLines + 2)] : []), overlap: 1)
    let top = rows[0].split(.horizontal, [.ratio(11), .ratio(9)], overlap: 1)
    table = top[0]
    let right = top[1].split(.vertical, [.ratio(1), .ratio(1)], overlap: 1)
    curves = right[0]
    history = right[1]
    let importanceWidth = max(32, width / 4)
    let fit = max(1, min(4, parameterCount, (width - importanceWidth) / Self.scatterWidth))
    let bottom = rows[1].split(
      .horizontal, Array(repeating: LayoutSize.ratio(1), count: fit) + [.fixed(importanceWidth)], overlap: 1)
    scatters = Array(bottom.prefix(fit))
    importance = bottom[fit]
    events = eventLines > 0 ? rows[2] : nil
  }

  /// Every box, for drawing the borders before the contents.
  public var boxes: [Rect] { [table, curves, history, importance] + scatters + (events.map { [$0] } ?? []) }
}
