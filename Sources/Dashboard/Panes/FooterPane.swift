import Training

/// The bottom line: the keys; or the open prompt with its inline error; or the quit question.
public struct FooterPane: Pane {
  public init() {}

  /// The keys and what they do, in footer order (from the key-binding table).
  public static func keys(_ ui: UIState, paused: Bool) -> [(key: String, action: String)] {
    entries(ui, paused: paused).map { ($0.key, $0.action) }
  }

  /// The footer's entries with the binding each stands for.
  static func entries(_ ui: UIState, paused: Bool) -> [(binding: KeyBinding, key: String, action: String)] {
    KeyBinding.allCases.compactMap { binding in
      binding.footer(ui, paused: paused).map { entry in
        let own = ui.keyOverrides[binding].map { $0.map(KeyBinding.name).joined(separator: "/") }
        return (binding, own ?? entry.key, entry.action)
      }
    }
  }

  /// The binding whose hint is drawn at column `x` of a footer `width` wide (as `draw` lays them
  /// out: left to right, `? help` kept at the right end when the line is cut); nil between hints.
  public static func binding(atColumn x: Int, width: Int, ui: UIState, paused: Bool) -> KeyBinding? {
    let all = entries(ui, paused: paused)
    guard let last = all.last else { return nil }
    let helpWidth = 3 + last.key.count + 1 + last.action.count
    var column = 0
    var spans: [(range: Range<Int>, binding: KeyBinding)] = []
    for (index, entry) in all.dropLast().enumerated() {
      if index > 0 { column += 3 }
      let end = column + entry.key.count + 1 + entry.action.count
      spans.append((column..<end, entry.binding))
      column = end
    }
    let helpStart = column + helpWidth <= width ? column + 3 : width - helpWidth + 3
    spans = spans.filter { $0.range.upperBound <= (column + helpWidth <= width ? width : width - helpWidth) }
    spans.append((helpStart..<(helpStart + helpWidth - 3), last.binding))
    return spans.first { $0.range.contains(x) }?.binding
  }

  /// The question shown while confirming quit.
  public static let quitQuestion = "Training is still running. Stop it and quit? y = yes, any other key = no"

  /// Draws the line into the first row of `area`.
  public func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect) {
    FooterPane.draw(ui, paused: snapshot.status == .paused, into: &screen, in: area)
  }

  /// Draws the footer for a UI state (also used before the first snapshot).
  public static func draw(_ ui: UIState, paused: Bool, into screen: inout Screen, in area: Rect) {
    guard !area.isEmpty else { return }
    if drawPromptOrQuestion(ui.prompt, question: ui.confirmingQuit ? quitQuestion : nil, into: &screen, in: area) {
      return
    }
    var spans: [Span] = []
    let entries = keys(ui, paused: paused)
    for (index, entry) in entries.dropLast().enumerated() {
      if index > 0 { spans.append(Span(" · ", Palette.secondary)) }
      spans += [Span(entry.key, .strong), Span(" " + entry.action, Palette.secondary)]
    }
    // The last entry (`? help`) stays visible at the right end when the line is cut.
    guard let last = entries.last else { return }
    let help = [Span(" · ", Palette.secondary), Span(last.key, .strong), Span(" " + last.action, Palette.secondary)]
    if spans.width + help.width <= area.width {
      screen.put(spans + help, x: area.x, y: area.y)
    } else {
      screen.put(spans.truncated(to: max(0, area.width - help.width)), x: area.x, y: area.y)
      screen.put(help, x: area.maxX - help.width, y: area.y)
    }
  }

  /// What takes the footer's place instead of the keys: the open prompt, the last command's error,
  /// or a question; false when none of them is shown.
  static func drawPromptOrQuestion(
    _ prompt: PromptState, question: String?, into screen: inout Screen, in area: Rect
  ) -> Bool {
    if prompt.isOpen {
      drawPrompt(prompt, into: &screen, in: area)
    } else if let error = prompt.error {
      screen.put(error.truncated(to: area.width), x: area.x, y: area.y, style: Palette.error)
    } else if let question {
      screen.put(question.truncated(to: area.width), x: area.x, y: area.y, style: Style(.yellow, bold: true))
    } else {
      return false
    }
    return true
  }

  /// `:lr 3e-4▏` with the cursor in reverse video, then the error (red) or completion hint (gray).
  static func drawPrompt(_ prompt: PromptState, into screen: inout Screen, in area: Rect) {
    let characters = prompt.characters
    // Keep the cursor visible on long lines by scrolling the text left.
    let room = max(1, area.width - 2)
    let start = max(0, prompt.cursor - room + 1)
    var x = screen.put(":", x: area.x, y: area.y, style: .strong)
    for index in start..<max(start, min(characters.count + 1, start + room)) {
      let character = index < characters.count ? characters[index] : " "
      let style = index == prompt.cursor ? Style(reverse: true) : .plain
      screen.set(x: x, y: area.y, Cell(character, style: style))
      x += 1
    }
    if let error = prompt.error {
      screen.put("  " + error, x: x, y: area.y, style: Palette.error, maxWidth: area.maxX - x)
    } else if let hint = prompt.hint {
      screen.put("  " + hint, x: x, y: area.y, style: Palette.secondary, maxWidth: area.maxX - x)
    }
  }
}
