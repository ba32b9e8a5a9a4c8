import CNcurses
import Dashboard

/// Maps a `Style` to ncurses attributes: colour pairs when colours are on, bold/dim/reverse always.
///
/// Falls back gracefully: 256 or 16 colours use bright black for gray; 8 colours
/// use white with A_DIM; no colours (or NO_COLOR) use attributes only.
struct Palette {
  private let enabled: Bool
  private let grayIsDim: Bool
  private var pairs: [ColorName: attr_t] = [:]

  /// Initialises colour pairs (with the terminal's default background) when `enabled`.
  init(enabled: Bool) {
    self.enabled = enabled
    guard enabled else {
      grayIsDim = true
      return
    }
    start_color()
    use_default_colors()
    let colors = cnc_colors()
    grayIsDim = colors < 16
    let table: [(ColorName, Int32)] = [
      (.red, COLOR_RED), (.green, COLOR_GREEN), (.yellow, COLOR_YELLOW), (.blue, COLOR_BLUE),
      (.magenta, COLOR_MAGENTA), (.cyan, COLOR_CYAN), (.white, COLOR_WHITE),
      (.gray, colors >= 16 ? 8 : COLOR_WHITE),
    ]
    for (index, entry) in table.enumerated() {
      let pair = Int16(index + 1)
      init_pair(pair, Int16(entry.1), -1)
      pairs[entry.0] = cnc_color_pair(pair)
    }
  }

  /// The attributes for `style`.
  func attributes(for style: Style) -> attr_t {
    var result: attr_t = 0
    if enabled, let pair = pairs[style.foreground] { result |= pair }
    if style.bold { result |= cnc_a_bold() }
    if style.dim || (style.foreground == .gray && grayIsDim) { result |= cnc_a_dim() }
    if style.reverse { result |= cnc_a_reverse() }
    return result
  }
}
