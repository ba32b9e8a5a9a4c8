import Search

/// What the trials dashboard remembers between frames: the selected trial, the table's order,
/// the prompt, overlays. Owned by the main thread; changed only through `apply(_:snapshot:)`.
public struct TrialsState: Sendable, Equatable {
  /// The selected trial's number (the table's highlighted row; nil before the first trial).
  public var selected: Int?
  public var sort = TrialsSort.number
  /// Reverses the sort (`S`).
  public var descending = false
  /// The first parameter the scatter row shows (`[` and `]` page through the rest).
  public var firstScatter = 0
  /// The `:` prompt (`:space`, `:trials`, `:parallel`, `:promote`, `:stop`, `:pause`, `:resume`).
  public var prompt = PromptState()
  public var showsHelp = false
  /// The quit question is shown (trials are still running).
  public var confirmingQuit = false
  /// What the last key or command did.
  public var statusMessage: String?

  /// Trials one Page Up or Page Down moves by.
  public static let page = 10

  public init() {}

  /// Applies `key`; returns what the search should do (nothing for keys that only change the view).
  public mutating func apply(_ key: Key, snapshot: SearchSnapshot) -> [SearchRequest] {
    if prompt.isOpen { return promptKey(key, snapshot: snapshot) }
    if confirmingQuit {
      confirmingQuit = false
      return key == .character("y") || key == .character("Y") || key == .ctrlC ? [.quit] : []
    }
    if showsHelp {
      if key == .escape || key == .character("?") || key == .character("q") { showsHelp = false }
      return []
    }
    prompt.error = nil
    return viewKey(key, snapshot: snapshot)
  }

  /// Keys outside the prompt and the overlays.
  private mutating func viewKey(_ key: Key, snapshot: SearchSnapshot) -> [SearchRequest] {
    switch key {
    case .up, .character("k"): move(-1, snapshot)
    case .down, .character("j"): move(1, snapshot)
    case .pageUp: move(-Self.page, snapshot)
    case .pageDown: move(Self.page, snapshot)
    case .home: move(-Int(Int32.max), snapshot)
    case .end: move(Int(Int32.max), snapshot)
    case .character("s"): sort = sort.next(parameters: snapshot.study.space.names)
    case .character("S"): descending.toggle()
    case .character("["): firstScatter = max(0, firstScatter - 1)
    case .character("]"): firstScatter = min(max(0, snapshot.study.space.names.count - 1), firstScatter + 1)
    case .character(":"): prompt.open()
    case .character("?"): showsHelp = true
    case .enter: return selectedTrial(snapshot).map { [.open($0)] } ?? []
    case .character("p"): return [.setPaused(!snapshot.paused)]
    case .character("x"): return selectedTrial(snapshot).map { [.stop($0)] } ?? []
    case .character("P"): return selectedTrial(snapshot).map { [.promote($0)] } ?? []
    case .character("+"): return [.addTrials(1)]
    case .character(">"): return [.setParallel(snapshot.parallel + 1)]
    case .character("<"): return [.setParallel(snapshot.parallel - 1)]
    case .character("q"):
      if snapshot.finished { return [.quit] }
      confirmingQuit = true
    case .ctrlC: return [.quit]
    default: break
    }
    return []
  }

  /// The selected trial, if it is still in the study.
  func selectedTrial(_ snapshot: SearchSnapshot) -> Int? {
    guard let selected, snapshot.study.trials.contains(where: { $0.number == selected }) else {
      return snapshot.study.trials.first?.number
    }
    return selected
  }

  /// Moves the selection `delta` rows in the table's order (clamped to its ends).
  private mutating func move(_ delta: Int, _ snapshot: SearchSnapshot) {
    let rows = TrialsTable.rows(snapshot, sort: sort, descending: descending)
    guard !rows.isEmpty else { return }
    let current = rows.firstIndex { $0.number == selectedTrial(snapshot) } ?? 0
    let index = min(rows.count - 1, max(0, current + delta))
    selected = rows[index].number
  }

  /// Keys while the prompt is open: editing, Enter runs the command, Esc closes.
  private mutating func promptKey(_ key: Key, snapshot: SearchSnapshot) -> [SearchRequest] {
    for action in KeyMap.promptActions(for: key) {
      switch action {
      case .editPrompt(.complete): break  // the search's commands are few; no completion
      case .editPrompt(let edit): prompt.apply(edit)
      case .closePrompt: prompt.close()
      case .submitPrompt: return submit(snapshot)
      default: break
      }
    }
    return []
  }

  /// Parses the prompt's line: its request, or the error shown beside it.
  private mutating func submit(_ snapshot: SearchSnapshot) -> [SearchRequest] {
    let line = prompt.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !line.isEmpty else {
      prompt.close()
      return []
    }
    switch SearchPrompt.parse(line, selected: selectedTrial(snapshot)) {
    case .success(let request):
      prompt.record(line)
      prompt.close()
      return [request]
    case .failure(let error):
      prompt.reject(line, error: error.message)
      return []
    }
  }
}
