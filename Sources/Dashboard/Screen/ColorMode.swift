/// `--color`: when the dashboard uses colour.
public enum ColorMode: String, CaseIterable, Sendable, Equatable {
  /// When the terminal has colours and `NO_COLOR` is unset or empty (no-color.org).
  case auto
  /// Whenever the terminal has colours, even with `NO_COLOR` set.
  case always
  /// Never: bold, dim and reverse only.
  case never

  /// Whether colour is on, given the terminal's support and the `NO_COLOR` variable's value.
  public func usesColor(terminalHasColors: Bool, noColor: String?) -> Bool {
    switch self {
    case .never: false
    case .always: terminalHasColors
    case .auto: terminalHasColors && (noColor ?? "").isEmpty
    }
  }
}
