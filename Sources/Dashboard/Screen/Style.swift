/// How a cell is drawn: a foreground colour and a few attributes.
public struct Style: Hashable, Sendable {
  /// The foreground colour.
  public var foreground: ColorName
  /// Bold text.
  public var bold: Bool
  /// Dim (faint) text.
  public var dim: Bool
  /// Reverse video (foreground and background swapped).
  public var reverse: Bool

  public init(_ foreground: ColorName = .default, bold: Bool = false, dim: Bool = false, reverse: Bool = false) {
    self.foreground = foreground
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
  }

  /// The terminal's default look.
  public static let plain = Style()
  /// Faint gray, for borders, axes and background data.
  public static let faint = Style(.gray)
  /// Bold default colour.
  public static let strong = Style(bold: true)

  /// This style with bold set.
  public var bolded: Style {
    var copy = self
    copy.bold = true
    return copy
  }

  /// This style with dim set.
  public var dimmed: Style {
    var copy = self
    copy.dim = true
    return copy
  }

  /// This style in reverse video.
  public var reversed: Style {
    var copy = self
    copy.reverse = true
    return copy
  }
}
