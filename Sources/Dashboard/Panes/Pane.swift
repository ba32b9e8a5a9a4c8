import Training

/// A region of the dashboard. Rendering reads only its arguments and writes only inside `area`.
public protocol Pane: Sendable {
  /// The title written into the pane's top border (empty for unboxed panes).
  func title(_ snapshot: TrainingSnapshot, _ ui: UIState) -> [Span]
  /// Draws the pane's content into `area` (the inside of its box).
  func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect)
}

// MARK: - Default implementations

extension Pane {
  /// No title.
  public func title(_ snapshot: TrainingSnapshot, _ ui: UIState) -> [Span] { [] }
}
