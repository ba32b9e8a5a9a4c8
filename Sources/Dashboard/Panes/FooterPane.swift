import Training

/// The bottom line: the keys; or the open prompt with its inline error; or the quit question.
public struct FooterPane: Pane {
  public init() {}

  /// The footer's entries, in footer order (from the key-binding table), with the binding each stands for.
  static func entries(_ ui: UIState, paused: Bool) -> [(binding: KeyBinding, key: String, action: String)] {
    KeyBinding.allCases.compactMap { binding in
      binding.footer(ui, paused: paused).map { entry in
        let own = ui.keyOverrides[binding].map { $0.map(KeyBinding.name).joined(separator: "/") }
        return (binding, own ?? entry.key, entry.action)
      }
    }
  }

  /// The binding whose hint is drawn at column `x` of a footer `width` wide; nil between hints and
  /// on a hint cut short.
  public static func binding(atColumn x: Int, width: Int, ui: UIState, paused: Bool) -> KeyBinding? {
    let (hints, room) = layout(ui, paused: paused, width: width)
    return hints.enumerated().first { index, hint in
      let end = hint.column + hint.spans.width
      return (index == hints.count - 1 || end <= room) && (hint.column..<end).contains(x)
    }?.element.binding
  }

  /// One key's hint: `key action`, from `column`.
  struct Hint {
    let column: Int
    let spans: [Span]
    let binding: KeyBinding
  }

  /// What stands between two hints.
  static let separator = [Span(" · ", Palette.secondary)]

  /// Where the hints go on a footer `width` wide: left to right, a separator before each but the
  /// first (and always before the last, `? help`); when the line is too short, `? help` moves to the
  /// right end and the others are cut to `room` columns.
  static func layout(_ ui: UIState, paused: Bool, width: Int) -> (hints: [Hint], room: Int) {
    let all = entries(ui, paused: paused)
    var hints: [Hint] = []
    var column = 0
    for (index, entry) in all.enumerated() {
      if index > 0 || index == all.count - 1 { column += separator.width }
      let spans = [Span(entry.key, .strong), Span(" " + entry.action, Palette.secondary)]
      hints.append(Hint(column: column, spans: spans, binding: entry.binding))
      column += spans.width
    }
    guard column > width, let help = hints.popLast() else { return (hints, width) }
    let start = width - help.spans.width
    return (hints + [Hint(column: start, spans: help.spans, binding: help.binding)], start - separator.width)
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
    let (hints, room) = layout(ui, paused: paused, width: area.width)
    guard let help = hints.last else { return }
    var left: [Span] = []
    for (index, hint) in hints.dropLast().enumerated() {
      if index > 0 { left += separator }
      left += hint.spans
    }
    screen.put(left.truncated(to: max(0, room)), x: area.x, y: area.y)
    screen.put(separator + help.spans, x: area.x + help.column - separator.width, y: area.y)
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
