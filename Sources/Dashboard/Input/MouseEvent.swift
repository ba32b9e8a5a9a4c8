/// A mouse event in screen cells, as the terminal reports it (with the mouse on).
public struct MouseEvent: Hashable, Sendable {
  /// What happened.
  public enum Kind: Hashable, Sendable {
    /// The left button was clicked.
    case click
    /// The left button was clicked twice in quick succession.
    case doubleClick
    /// The wheel turned away from the user (zoom in, or scroll back).
    case wheelUp
    /// The wheel turned toward the user.
    case wheelDown
  }

  /// The column, from 0 at the left.
  public var x: Int
  /// The row, from 0 at the top.
  public var y: Int
  public var kind: Kind

  public init(x: Int, y: Int, kind: Kind) {
    self.x = x
    self.y = y
    self.kind = kind
  }
}
