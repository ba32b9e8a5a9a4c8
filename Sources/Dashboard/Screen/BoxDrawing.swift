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
    guard let scalar = character.unicodeScalars.first else { return nil }
    self.init(scalar: scalar)
  }

  /// The set a box-drawing scalar draws, or nil for any other scalar.
  public init?(scalar: Unicode.Scalar) {
    // A table lookup, no Character comparisons: this runs for every border cell of every frame.
    guard scalar.value &- 0x2500 < 0x80 else { return nil }
    let index = BoxDrawing.scalarTable[Int(scalar.value - 0x2500)]
    guard index != 0 else { return nil }
    self.init(rawValue: index)
  }

  /// The scalar drawing this set.
  public var scalar: Unicode.Scalar { BoxDrawing.scalars[Int(rawValue & 15)] }

  /// `characters` as scalars.
  private static let scalars: [Unicode.Scalar] = characters.map { $0.unicodeScalars.first ?? " " }

  /// The direction set of each scalar U+2500…U+257F (0 for those not in `characters`).
  private static let scalarTable: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 0x80)
    for (index, character) in characters.enumerated() where index > 0 {
      if let value = character.unicodeScalars.first?.value { table[Int(value - 0x2500)] = UInt8(index) }
    }
    return table
  }()
}
