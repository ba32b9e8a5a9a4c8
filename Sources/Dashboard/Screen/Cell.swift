/// One terminal cell: a single-width character (ASCII, braille or box drawing) and its style.
public struct Cell: Hashable, Sendable {
  /// The character shown.
  public var character: Character
  /// How it is drawn.
  public var style: Style

  /// Creates a cell.
  public init(_ character: Character = " ", style: Style = .plain) {
    self.character = character
    self.style = style
  }

  /// An empty cell.
  public static let blank = Cell()
}
