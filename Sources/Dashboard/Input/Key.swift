/// A key press, decoded from the terminal by the Terminal layer.
public enum Key: Hashable, Sendable {
  /// A printable character (including space).
  case character(Character)
  /// The up arrow.
  case up
  /// The down arrow.
  case down
  /// The left arrow.
  case left
  /// The right arrow.
  case right
  /// Enter / Return.
  case enter
  case escape
  case tab
  /// Shift-Tab.
  case backTab
  case backspace
  /// Delete (forward).
  case delete
  case home
  case end
  /// Page Up.
  case pageUp
  /// Page Down.
  case pageDown
  /// The terminal was resized (not a key, but it arrives the same way).
  case resize
  /// Ctrl-C.
  case ctrlC
  /// A click or a wheel turn (only with the mouse on).
  case mouse(MouseEvent)
}
