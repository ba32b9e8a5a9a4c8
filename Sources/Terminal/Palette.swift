import CNcurses
import Dashboard

/// Maps a `Style` to ncurses attributes: colour pairs when colours are on, bold/dim/reverse always.
///
/// Falls back gracefully: 256 or 16 colours use bright black for gray; 8 colours
/// use white with A_DIM; no colours (or NO_COLOR) use attributes only. The light theme trades
/// white for black and deepens yellow, cyan and green (256-colour shades where the terminal has
/// them) so that they read on a light background.
struct Palette {
  private let enabled: Bool
  private let grayIsDim: Bool
  private var pairs: [ColorName: attr_t] = [:]

  /// Initialises colour pairs (with the terminal's default background) when `enabled`.
  init(enabled: Bool, theme: Theme = .dark) {
    self.enabled = enabled
    guard enabled else {
      grayIsDim = true
      return
    }
    start_color()
    use_default_colors()
    let colors = cnc_colors()
    grayIsDim = colors < 16
    let table = theme == .light ? Self.lightTable(colors: colors) : Self.darkTable(colors: colors)
    for (index, entry) in table.enumerated() {
      let pair = Int16(index + 1)
      init_pair(pair, Int16(entry.1), -1)
      pairs[entry.0] = cnc_color_pair(pair)
    }
  }

  /// Colour numbers for a dark background.
  static func darkTable(colors: Int32) -> [(ColorName, Int32)] {
    [
      (.red, COLOR_RED), (.green, COLOR_GREEN), (.yellow, COLOR_YELLOW), (.blue, COLOR_BLUE),
      (.magenta, COLOR_MAGENTA), (.cyan, COLOR_CYAN), (.white, COLOR_WHITE),
      (.gray, colors >= 16 ? 8 : COLOR_WHITE),
    ]
  }

  /// Colour numbers for a light background: 256-colour shades (dark goldenrod, teal, dark green,
  /// mid gray) when the terminal has them, else the nearest of the eight.
  static func lightTable(colors: Int32) -> [(ColorName, Int32)] {
    let rich = colors >= 256
    return [
      (.red, COLOR_RED), (.green, rich ? 28 : COLOR_GREEN), (.yellow, rich ? 136 : COLOR_MAGENTA),
      (.blue, COLOR_BLUE), (.magenta, COLOR_MAGENTA), (.cyan, rich ? 30 : COLOR_BLUE), (.white, COLOR_BLACK),
      (.gray, rich ? 244 : COLOR_BLACK),
    ]
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
