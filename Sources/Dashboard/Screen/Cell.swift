/// One terminal cell: a single-width character (ASCII, braille or box drawing) and its style.
///
/// The character is stored as one Unicode scalar, so a cell is a plain 8-byte value: a frame of
/// thousands of cells is created, copied and compared without reference counting.
public struct Cell: Hashable, Sendable {
  /// The character shown, as its single Unicode scalar (what ncurses' wide API takes).
  public var scalar: Unicode.Scalar
  /// How it is drawn.
  public var style: Style

  /// Creates a cell from a character (only its first scalar is kept: cells hold single-width characters).
  public init(_ character: Character = " ", style: Style = .plain) {
    self.scalar = character.unicodeScalars.first ?? " "
    self.style = style
  }

  /// Creates a cell from a scalar.
  public init(scalar: Unicode.Scalar, style: Style = .plain) {
    self.scalar = scalar
    self.style = style
  }

  /// The character shown.
  public var character: Character {
    get { Character(scalar) }
    set { scalar = newValue.unicodeScalars.first ?? " " }
  }

  /// An empty cell.
  public static let blank = Cell()
}
