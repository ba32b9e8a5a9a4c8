/// The `:` prompt: whether it is open, the line being edited, its history and its inline error.
public struct PromptState: Sendable, Equatable {
  /// The prompt is open and takes the keys.
  public var isOpen = false
  /// The line being edited (without the `:`).
  public var text = ""
  /// The cursor position, in characters from the start of `text`.
  public var cursor = 0
  /// Lines submitted successfully, oldest first.
  public var history: [String] = []
  /// The history entry shown while walking it with ↑/↓ (nil: the line being typed).
  public var historyIndex: Int?
  /// The line being typed before walking the history, restored by ↓ past the newest entry.
  public var draft = ""
  /// Why the last submitted line was rejected (shown in red until the line changes).
  public var error: String?
  /// Completion candidates after an ambiguous Tab (shown dimmed).
  public var hint: String?

  /// The most lines the history keeps.
  public static let historyLimit = 100

  /// A closed prompt with no history.
  public init() {}

  /// Opens an empty prompt (history kept).
  public mutating func open() {
    isOpen = true
    setText("")
    historyIndex = nil
    draft = ""
  }

  /// Closes the prompt, discarding the line.
  public mutating func close() {
    isOpen = false
    setText("")
    historyIndex = nil
  }

  /// Replaces the line, puts the cursor at its end and clears the error and hint.
  public mutating func setText(_ line: String) {
    text = line
    cursor = line.count
    error = nil
    hint = nil
  }

  /// Adds a submitted line to the history (not repeating the newest entry).
  public mutating func record(_ line: String) {
    guard history.last != line else { return }
    history.append(line)
    if history.count > PromptState.historyLimit { history.removeFirst(history.count - PromptState.historyLimit) }
  }

  /// Applies one edit.
  public mutating func apply(_ edit: PromptEdit) {
    switch edit {
    case .insert(let character): replace(cursor..<cursor, with: String(character), cursorAfter: cursor + 1)
    case .deleteBackward where cursor > 0: replace((cursor - 1)..<cursor, with: "", cursorAfter: cursor - 1)
    case .deleteForward where cursor < text.count: replace(cursor..<(cursor + 1), with: "", cursorAfter: cursor)
    case .deleteBackward, .deleteForward: break
    case .moveLeft: cursor = max(0, cursor - 1)
    case .moveRight: cursor = min(text.count, cursor + 1)
    case .moveHome: cursor = 0
    case .moveEnd: cursor = text.count
    case .historyPrevious: walkHistory(by: -1)
    case .historyNext: walkHistory(by: 1)
    case .complete: complete()
    }
  }

  /// Replaces the characters in `range` and moves the cursor; editing clears the error.
  private mutating func replace(_ range: Range<Int>, with replacement: String, cursorAfter: Int) {
    var characters = Array(text)
    characters.replaceSubrange(range, with: Array(replacement))
    text = String(characters)
    // A combining mark or flag half merges with its neighbour, so the text can be shorter than expected.
    cursor = min(max(0, cursorAfter), text.count)
    error = nil
    hint = nil
  }

  /// Moves through the history: -1 older, +1 newer (past the newest: back to the draft).
  private mutating func walkHistory(by delta: Int) {
    guard !history.isEmpty else { return }
    if historyIndex == nil {
      guard delta < 0 else { return }
      draft = text
      historyIndex = history.count - 1
      setText(history[history.count - 1])
      return
    }
    let index = (historyIndex ?? 0) + delta
    if index >= history.count {
      historyIndex = nil
      setText(draft)
    } else {
      historyIndex = max(0, index)
      setText(history[max(0, index)])
    }
  }
}
