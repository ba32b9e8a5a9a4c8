/// How the dashboard's colours suit the terminal's background.
public enum Theme: String, CaseIterable, Sendable, Equatable {
  /// Colours for a dark background (the default).
  case dark
  /// Darker shades for a light background: white text becomes black, yellow and cyan deepen.
  case light
  /// No colour at all: bold, dim and reverse only (as `--color never`).
  case monochrome
}
