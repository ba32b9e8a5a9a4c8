import NN
import Training

/// A centred box listing every key and every prompt command.
public enum HelpOverlay {
  /// Every key and what it does.
  public static let keys: [(key: String, action: String)] = [
    ("q", "quit (asks first while training)"), ("space, p", "pause / resume"), ("n", "one step while paused"),
    ("↑, +", "learning rate × factor (1.25)"), ("↓, -", "learning rate ÷ factor (1.25)"), ("o", "next optimizer"),
    ("e", "stop now (early stop)"), ("s", "save a checkpoint"), ("l", "loss log scale on/off"),
    ("[ ]", "smoothing − / + 0.1"), ("x", "x axis: steps / epochs"), ("r", "robust y range (5th–95th pct)"),
    ("tab", "focus next pane (shift-tab: previous)"), ("enter", "zoom / unzoom the focused pane"),
    (":", "command prompt (tab completes)"), ("?", "this help"), ("esc", "close help, prompt or zoom"),
  ]

  /// The prompt commands in short form and what they do.
  public static var commands: [(usage: String, action: String)] {
    PromptCommand.allCases.map { ($0.shortUsage, $0.summary) }
  }

  /// The names `optimizer` and `schedule` accept.
  public static var names: [String] {
    [
      "optimizers: " + OptimizerKind.allCases.map(\.rawValue).joined(separator: " "),
      "schedules:  " + ScheduleName.allCases.map(\.rawValue).joined(separator: " "),
    ]
  }

  /// Width of the key column.
  static let keyWidth = 10

  /// The overlay's lines: keys and commands side by side when `width` allows (else one after the
  /// other), then the optimizer and schedule names.
  public static func lines(width: Int) -> [[Span]] {
    let usageWidth = (commands.map(\.usage.count).max() ?? 0) + 2
    let keyLines = keys.map { [Span($0.key.rightPadded(to: keyWidth), .strong), Span($0.action)] }
    let commandLines = commands.map { [Span(":" + $0.usage.rightPadded(to: usageWidth - 1), .strong), Span($0.action)] }
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
  public static func draw(into screen: inout Screen) {
    let maximumInner = max(0, screen.width - 4)
    let content = lines(width: maximumInner)
    let innerWidth = min(maximumInner, content.map(\.width).max() ?? 0)
    let box = screen.bounds.centered(width: innerWidth + 4, height: content.count + 2)
    screen.fill(box)
    screen.border(box, style: Palette.focus)
    screen.title([Span("Help", Palette.paneName), Span(" · ? or esc closes", Palette.secondary)], on: box)
    for (row, line) in content.prefix(box.height - 2).enumerated() {
      screen.put(line, x: box.x + 2, y: box.y + 1 + row, maxWidth: box.width - 4)
    }
  }
}
