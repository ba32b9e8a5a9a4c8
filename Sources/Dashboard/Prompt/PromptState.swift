/// The `:` prompt: whether it is open, the line being edited, its history and its inline error.
public struct PromptState: Sendable, Equatable {
  /// The prompt is open and takes the keys.
  public var isOpen = false
  /// The line being edited (without the `:`), one element per character: editing at the cursor
  /// costs no pass over the line, so typing or pasting a long line stays linear.
  public private(set) var characters: [Character] = []
  /// The line being edited (without the `:`).
  public var text: String {
    get { String(characters) }
    set { characters = Array(newValue) }
  }
  /// The cursor position, in characters from the start of `text`.
  public var cursor = 0
  /// Lines submitted successfully, oldest first.
  public var history: [String] = []
  /// The history entry shown while walking it with ↑/↓ (nil: the line being typed).
  public var historyIndex: Int?
  /// The line being typed before walking the history, restored by ↓ past the newest entry.
  public var draft = ""
  /// Why the last submitted line was rejected: shown in red across the footer after the prompt
  /// closes (as vim does), until the next key; ↑ at a new prompt brings the line back to fix.
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
    error = nil
    historyIndex = nil
    draft = ""
  }

  /// Closes the prompt, discarding the line.
  public mutating func close() {
    isOpen = false
    setText("")
    historyIndex = nil
  }

  /// Closes the prompt after a rejected line: the error stays for the footer, the line goes to the
  /// history so that ↑ brings it back.
  public mutating func reject(_ line: String, error message: String) {
    record(line)
    close()
    error = message
  }

  /// Replaces the line, puts the cursor at its end and clears the error and hint.
  public mutating func setText(_ line: String) {
    text = line
    cursor = characters.count
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
    case .insert(let character): insert(character)
    case .deleteBackward where cursor > 0: remove(at: cursor - 1)
    case .deleteForward where cursor < characters.count: remove(at: cursor)
    case .deleteBackward, .deleteForward: break
    case .moveLeft: cursor = max(0, cursor - 1)
    case .moveRight: cursor = min(characters.count, cursor + 1)
    case .moveHome: cursor = 0
    case .moveEnd: cursor = characters.count
    case .historyPrevious: walkHistory(by: -1)
    case .historyNext: walkHistory(by: 1)
    case .complete: complete()
    }
  }

  /// Inserts at the cursor. A combining mark (or a flag's second half) joins the character before
  /// it, as it would in the string, so characters and cursor keep counting what is shown.
  private mutating func insert(_ character: Character) {
    if cursor > 0 {
      let joined = String(characters[cursor - 1]) + String(character)
      if joined.count == 1, let merged = joined.first {
        characters[cursor - 1] = merged
        edited()
        return
      }
    }
    characters.insert(character, at: cursor)
    cursor += 1
    edited()
  }

  /// Deletes the character at `index` and keeps the cursor in front of what followed it.
  private mutating func remove(at index: Int) {
    characters.remove(at: index)
    cursor = min(index, characters.count)
    edited()
  }

  /// Editing clears the error and the completion hint.
  private mutating func edited() {
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
