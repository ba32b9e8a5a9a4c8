import NN
import Training

/// A centred box listing every key and every prompt command.
public enum HelpOverlay {
  /// Every key and what it does (from the key-binding table, with the configured factor).
  public static func keys(_ ui: UIState) -> [(key: String, action: String)] {
    KeyBinding.allCases.filter { $0.isAvailable(in: ui) }.map { ($0.keyLabel(ui), $0.summary(ui)) }
  }

  /// The prompt commands in short form and what they do.
  public static var commands: [(usage: String, action: String)] {
    PromptCommand.allCases.map { ($0.shortUsage, $0.summary) }
  }

  /// The names `optimizer` and `schedule` accept, and the alerts the header may show.
  public static var names: [String] {
    [
      "optimizers: " + OptimizerKind.allCases.map(\.rawValue).joined(separator: " "),
      "schedules:  " + ScheduleName.allCases.map(\.rawValue).joined(separator: " "),
      "alerts (⚠ in the header; --on-alert KIND=pause|stop|lr*0.5): "
        + AlertKind.allCases.map(\.rawValue).joined(separator: " "),
      "mouse: click focuses a pane or runs a footer hint, double-click zooms, the wheel zooms a chart's x range "
        + "or scrolls the events (--no-mouse: off)",
    ]
  }

  /// Width of the key column.
  static let keyWidth = 10

  /// The overlay's lines: keys and commands side by side when `width` allows (else one after the
  /// other), then the optimizer and schedule names.
  public static func lines(width: Int, ui: UIState) -> [[Span]] {
    let usageWidth = (commands.map(\.usage.count).max() ?? 0) + 2
    let keyLines = keys(ui).map { [Span($0.key.rightPadded(to: keyWidth), .strong), Span($0.action)] }
    let commandLines = commands.map {
      [Span(":" + $0.usage.rightPadded(to: usageWidth - 1), .strong), Span($0.action)]
    }
    let nameLines = [[]] + names.map { [Span($0, Palette.secondary)] }
    let left = [[Span("Keys", Palette.focus)]] + keyLines
    let right = [[Span("Commands", Palette.focus)]] + commandLines
    let keyColumn = left.map(\.width).max() ?? 0
    guard keyColumn + 3 + (right.map(\.width).max() ?? 0) <= width else { return left + [[]] + right + nameLines }
    let rows = (0..<max(left.count, right.count)).map { row -> [Span] in
      let leftPart = row < left.count ? left[row] : []
      let padding = Span(String(repeating: " ", count: keyColumn + 3 - leftPart.width))
      return leftPart + [padding] + (row < right.count ? right[row] : [])
    }
    return rows + nameLines
  }

  /// Draws the overlay centred on `screen`, clearing what is under it.
  public static func draw(into screen: inout Screen, ui: UIState) {
    drawBox(lines(width: max(0, screen.width - 4), ui: ui), into: &screen)
  }

  /// A centred `Help` box holding `content` (cut to the screen), clearing what is under it; the
  /// trials dashboard's help uses it too.
  static func drawBox(_ content: [[Span]], into screen: inout Screen) {
    let innerWidth = min(max(0, screen.width - 4), content.map(\.width).max() ?? 0)
    let box = screen.dialog(
      width: innerWidth + 4, height: min(screen.height, content.count + 2), name: "Help", hint: "? or esc closes")
    for (row, line) in content.prefix(box.height - 2).enumerated() {
      screen.put(line, x: box.x + 2, y: box.y + 1 + row, maxWidth: box.width - 4)
    }
  }
}
