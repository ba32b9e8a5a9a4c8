/// Where everything goes for a screen size: header, the boxes of the panes (sharing borders), footer.
public struct DashboardLayout: Equatable, Sendable {
  /// The two header lines.
  public var header: Rect
  /// The bottom line.
  public var footer: Rect
  /// The area of all boxes together (the outer border).
  public var body: Rect
  /// Each visible pane's box, border included.
  public var panes: [PaneID: Rect]
  /// The early-stopping box, unless a pane is zoomed.
  public var earlyStopping: Rect?

  /// The layout for `width` × `height` (at least `Dashboard.minimumSize`), with one pane zoomed or none.
  ///
  /// The 2×2 grid (by default loss | accuracy / learning rate | gradient norm; `grid` names its four
  /// panes in reading order) gets what the header (2 lines), footer (1), early-stopping line and
  /// events (1–8 lines, growing with the height) leave.
  public init(
    width: Int, height: Int, zoomed: PaneID? = nil,
    grid: [PaneID] = DashboardPage.training.grid(for: nil)
  ) {
    header = Rect(x: 0, y: 0, width: width, height: 2)
    footer = Rect(x: 0, y: height - 1, width: width, height: 1)
    body = Rect(x: 0, y: 2, width: width, height: height - 3)
    if let zoomed {
      panes = [zoomed: body]
      earlyStopping = nil
      return
    }
    let eventLines = min(8, max(1, (body.height - 12) / 4))
    let rows = body.split(.vertical, [.ratio(1), .ratio(1), .fixed(3), .fixed(eventLines + 2)], overlap: 1)
    let top = rows[0].split(.horizontal, [.ratio(1), .ratio(1)], overlap: 1)
    let middle = rows[1].split(.horizontal, [.ratio(1), .ratio(1)], overlap: 1)
    let cells = [top[0], top[1], middle[0], middle[1]]
    panes = [.events: rows[3]]
    for (id, cell) in zip(grid, cells) { panes[id] = cell }
    earlyStopping = rows[2]
  }
}
