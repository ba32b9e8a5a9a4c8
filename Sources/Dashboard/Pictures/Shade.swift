/// Grey levels as block characters, for drawing pictures with a foreground colour only.
public enum Shade {
  /// Empty to full, five steps.
  static let ramp: [Character] = [" ", "░", "▒", "▓", "█"]

  /// The block for a level in `[0, 1]` (clamped; NaN is empty).
  public static func character(_ level: Float) -> Character {
    guard level.isFinite, level > 0 else { return ramp[0] }
    return ramp[min(ramp.count - 1, Int(level * Float(ramp.count)))]
  }
}
