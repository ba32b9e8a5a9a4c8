import Training

extension UIState {
  /// Handles one key: updates the UI state and returns what the app must send or do.
  ///
  /// The app loop calls this for every key and sends the `.send` requests to the trainer in order;
  /// `.quit` (after a confirmed quit, preceded by `.send(.stop(.manual), .key)`) ends the loop.
  public mutating func apply(_ key: Key, snapshot: TrainingSnapshot?) -> [AppRequest] {
    // A rejected line's error stays in the footer until the next key (which still acts).
    if !prompt.isOpen, key != .resize { prompt.error = nil }
    var requests: [AppRequest] = []
    for action in KeyMap.actions(for: key, ui: self, snapshot: snapshot) {
      requests += apply(action, snapshot: snapshot)
    }
    return requests
  }

  /// Performs one action on the UI state and returns what the app must send or do.
  public mutating func apply(_ action: Action, snapshot: TrainingSnapshot?) -> [AppRequest] {
    switch action {
    case .trainer(let command, let source):
      statusMessage = command.summary
      return [.send(command, source)]
    case .requestQuit:
      confirmingQuit = true
      statusMessage = nil
    case .confirmQuit:
      confirmingQuit = false
      return [.send(.stop(.manual), .key), .quit]
    case .cancelQuit:
      confirmingQuit = false
    case .quit:
      return [.quit]
    case .switchRun:
      return [.switchRun]
    case .openComparePicker:
      return [.listRuns]
    case .pickComparison:
      guard let picker = comparePicker, picker.choices.indices.contains(picker.selection) else { return [] }
      return [.toggleComparison(picker.choices[picker.selection].path)]
    case .openPrompt, .closePrompt, .submitPrompt, .editPrompt:
      return applyPrompt(action, snapshot: snapshot)
    default:
      applyView(action, snapshot: snapshot)
    }
    return []
  }

  /// Actions that only change what is shown.
  private mutating func applyView(_ action: Action, snapshot: TrainingSnapshot?) {
    switch action {
    case .toggleLogScale: logScale.toggle()
    case .adjustSmoothing(let delta): setSmoothing(smoothing + delta)
    case .toggleXAxis: xAxis = xAxis.toggled
    case .toggleRobustRange: robustRange.toggle()
    case .focusNext: moveFocus(to: focus.next(in: page.focusOrder(for: snapshot)))
    case .focusPrevious: moveFocus(to: focus.previous(in: page.focusOrder(for: snapshot)))
    case .togglePage: switchPage(snapshot: snapshot)
    case .moveFocus(let direction):
      let grid = page.grid(for: snapshot)
      moveFocus(to: DashboardLayout(width: 120, height: 40, grid: grid).neighbor(of: focus, toward: direction) ?? focus)
    case .focusPane(let pane): moveFocus(to: pane)
    case .zoomX(let pane, let delta):
      let level = min(UIState.maximumXZoom, max(0, (xZoom[pane] ?? 0) + delta))
      xZoom[pane] = level == 0 ? nil : level
      statusMessage = level == 0 ? "x range: all" : "x range: the newest 1/\(1 << level)"
    case .scrollEvents(let delta):
      let count = snapshot?.events.count ?? 0
      eventScroll = min(max(0, eventScroll + delta), max(0, count - 1))
      statusMessage = eventScroll == 0 ? "events: newest" : "events: \(eventScroll) back (pgdn or end: newest)"
    case .chooseSuggestion(let delta):
      let count = snapshot?.lrFinder?.suggestions.count ?? 1
      suggestionChoice = min(max(0, suggestionChoice + delta), max(0, count - 1))
    case .toggleZoom: zoomed = zoomed == nil ? focus : nil
    case .toggleHelp: showsHelp.toggle()
    case .status(let message): statusMessage = message
    case .moveComparePicker(let delta): comparePicker?.move(delta)
    case .closeComparePicker: comparePicker = nil
    case .moveCursor(let moves): moveCursor(moves, snapshot: snapshot)
    case .setCursor(let target): setCursor(target)
    default: break
    }
  }

  /// Moves `traintop view`'s cursor by `moves` hundredths of the run from the step shown; moving
  /// forward at the end stays at the end (following a live run).
  private mutating func moveCursor(_ moves: Int, snapshot: TrainingSnapshot?) {
    guard cursor != nil, let snapshot else { return }
    let atEnd = snapshot.status != .paused
    if atEnd, moves > 0 { return setCursor(.end) }
    let stride = max(1, snapshot.info.totalSteps / ViewCursor.movesPerRun)
    // In Double: the steps come from a file and must not overflow.
    let target = Double(snapshot.step) + Double(moves) * Double(stride)
    setCursor(.step(Int(min(max(0, target), Double(Int.max / 2)))))
  }

  /// Puts `traintop view`'s cursor at `target` (ignored on a live run).
  private mutating func setCursor(_ target: ViewCursor) {
    guard cursor != nil else {
      statusMessage = "goto moves the time cursor of traintop view"
      return
    }
    cursor = target
    statusMessage =
      switch target {
      case .end: "time cursor: the end (←/→ move, home: start)"
      case .step(let step): "time cursor: step \(step) (←/→ move, end: newest)"
      case .epoch(let epoch): "time cursor: end of epoch \(epoch) (←/→ move, end: newest)"
      }
  }

  /// Sets the smoothing weight, rounded to 0.01 and clamped to 0…0.99.
  private mutating func setSmoothing(_ weight: Double) {
    smoothing = min(UIState.maximumSmoothing, max(0, (weight * 100).rounded() / 100))
    statusMessage = "smoothing " + Format.compact(smoothing)
  }

  /// Shows the other page; the focus (and a zoom) moves to its first pane unless it is on both.
  private mutating func switchPage(snapshot: TrainingSnapshot?) {
    let next = page.toggled
    guard next.grid(for: snapshot) != page.grid(for: snapshot) else {
      statusMessage = "no validation pictures for this run (they need classification, images or a convnet)"
      return
    }
    page = next
    let order = page.focusOrder(for: snapshot)
    if !order.contains(focus) { moveFocus(to: order.first ?? .loss) }
    statusMessage = page == .training ? "training curves" : "validation: samples, confusion, filters"
  }

  /// Focuses `pane`; a zoomed view follows the focus.
  private mutating func moveFocus(to pane: PaneID) {
    focus = pane
    if zoomed != nil { zoomed = pane }
  }

  /// Opening, editing, closing and submitting the prompt.
  private mutating func applyPrompt(_ action: Action, snapshot: TrainingSnapshot?) -> [AppRequest] {
    switch action {
    case .openPrompt: prompt.open()
    case .closePrompt: prompt.close()
    case .editPrompt(let edit): prompt.apply(edit)
    case .submitPrompt: return submitPrompt(snapshot: snapshot)
    default: break
    }
    return []
  }

  /// Runs the prompt line: a valid one closes the prompt and takes effect; an invalid one closes
  /// it too (as vim does), changes nothing, and leaves its error in the footer and the line in
  /// the history.
  private mutating func submitPrompt(snapshot: TrainingSnapshot?) -> [AppRequest] {
    let line = prompt.text
    switch PromptCommand.parse(line) {
    case .failure(.empty):
      prompt.close()
      return []
    case .failure(let error):
      prompt.reject(line.trimmingWhitespace, error: error.message)
      return []
    case .success(let action):
      if action.steers, cursor != nil {
        prompt.reject(line.trimmingWhitespace, error: "read-only: traintop view shows a recorded run")
        return []
      }
      if case .trainer = action, case .stopped = snapshot?.status {
        prompt.reject(line.trimmingWhitespace, error: "training has stopped")
        return []
      }
      prompt.record(line.trimmingWhitespace)
      prompt.close()
      return perform(action)
    }
  }

  /// Carries out a parsed prompt line.
  private mutating func perform(_ action: PromptAction) -> [AppRequest] {
    switch action {
    case .trainer(let command): return apply(.trainer(command, .prompt), snapshot: nil)
    case .setSmoothing(let weight): setSmoothing(weight)
    case .setLogScale(let on): logScale = on
    case .showHelp: showsHelp = true
    case .setCursor(let target): setCursor(target)
    case .fork(let change): return [.fork(change)]
    case .keep(let name): return [.keep(name)]
    }
    return []
  }
}

extension String {
  /// This string without leading and trailing whitespace.
  var trimmingWhitespace: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
