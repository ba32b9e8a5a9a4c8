/// Light box-drawing characters as sets of the directions their lines leave the cell in.
///
/// Drawing a border over an existing one merges the two, which yields the joins ├ ┤ ┬ ┴ ┼.
public struct BoxDrawing: OptionSet, Hashable, Sendable {
  /// The raw direction bits.
  public let rawValue: UInt8
  /// Creates a set from raw bits.
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// A line leaving upwards.
  public static let up = BoxDrawing(rawValue: 1)
  /// A line leaving to the right.
  public static let right = BoxDrawing(rawValue: 2)
  /// A line leaving downwards.
  public static let down = BoxDrawing(rawValue: 4)
  /// A line leaving to the left.
  public static let left = BoxDrawing(rawValue: 8)

  /// The character for each direction set, indexed by raw value (space where none exists).
  private static let characters: [Character] = [
    " ", "╵", "╶", "└", "╷", "│", "┌", "├", "╴", "┘", "─", "┴", "┐", "┤", "┬", "┼",
  ]

  /// The character drawing this set.
  public var character: Character { BoxDrawing.characters[Int(rawValue & 15)] }

  /// The set a box-drawing character draws, or nil for any other character.
  public init?(_ character: Character) {
    guard let index = BoxDrawing.characters.firstIndex(of: character), index > 0 else { return nil }
    self.init(rawValue: UInt8(index))
  }
}
