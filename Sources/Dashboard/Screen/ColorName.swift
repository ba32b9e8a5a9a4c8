/// The small palette the dashboard draws with (the terminal maps it to its own colours).
public enum ColorName: String, Hashable, Sendable, CaseIterable {
  /// The terminal's default foreground.
  case `default`
  /// Red: errors, stopped, non-finite markers.
  case red
  /// Green: running, improvements.
  case green
  /// Yellow: paused, warnings.
  case yellow
  case blue
  case magenta
  /// Cyan: focus and highlights.
  case cyan
  case white
  /// Gray: borders and faint data.
  case gray
}
