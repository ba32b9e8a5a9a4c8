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
  /// The cross-validation folds table beside the events (`--folds`, 80 columns or more).
  public var folds: Rect?

  /// The folds table's width, borders included.
  static let foldsWidth = 36

  /// The layout for `width` × `height` (at least `Dashboard.minimumSize`), with one pane zoomed or none.
  ///
  /// The 2×2 grid (by default loss | accuracy / learning rate | gradient norm; `grid` names its four
  /// panes in reading order) gets what the header (2 lines), footer (1), early-stopping line and
  /// events (1–8 lines, growing with the height) leave; with `folds`, the folds table takes the
  /// right end of the events' row.
  public init(
    width: Int, height: Int, zoomed: PaneID? = nil,
    grid: [PaneID] = DashboardPage.training.grid(for: nil), folds: Bool = false
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
    if folds && width >= 80 {
      let bottom = rows[3].split(.horizontal, [.ratio(1), .fixed(Self.foldsWidth)], overlap: 1)
      panes[.events] = bottom[0]
      self.folds = bottom[1]
    }
    for (id, cell) in zip(grid, cells) { panes[id] = cell }
    earlyStopping = rows[2]
  }
}

extension DashboardLayout {
  /// The pane next to `pane` toward `direction`: among the panes beyond its edge that overlap it
  /// across the direction, the nearest; ties go to the one whose centre is closest along the edge
  /// (then the top or left one). Nil at the screen's edge.
  public func neighbor(of pane: PaneID, toward direction: FocusDirection) -> PaneID? {
    guard let from = panes[pane] else { return nil }
    let candidates = panes.filter { id, box in
      guard id != pane else { return false }
      switch direction {
      case .left: return box.maxX <= from.x + 1 && box.overlapsVertically(from)
      case .right: return box.x >= from.maxX - 1 && box.overlapsVertically(from)
      case .up: return box.maxY <= from.y + 1 && box.overlapsHorizontally(from)
      case .down: return box.y >= from.maxY - 1 && box.overlapsHorizontally(from)
      }
    }
    func distance(_ box: Rect) -> (Int, Int, Int, Int) {
      let across =
        direction == .left || direction == .right
        ? abs(box.centerY - from.centerY) : abs(box.centerX - from.centerX)
      let along =
        switch direction {
        case .left: from.x - box.maxX
        case .right: box.x - from.maxX
        case .up: from.y - box.maxY
        case .down: box.y - from.maxY
        }
      return (along, across, box.y, box.x)
    }
    return candidates.min { distance($0.value) < distance($1.value) }?.key
  }
}

extension Rect {
  fileprivate var centerX: Int { x + width / 2 }
  fileprivate var centerY: Int { y + height / 2 }
  fileprivate func overlapsVertically(_ other: Rect) -> Bool { y < other.maxY && other.y < maxY }
  fileprivate func overlapsHorizontally(_ other: Rect) -> Bool { x < other.maxX && other.x < maxX }
}
