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
    case .openPrompt, .closePrompt, .submitPrompt, .editPrompt:
      return applyPrompt(action, snapshot: snapshot)
    default:
      applyView(action)
    }
    return []
  }

  /// Actions that only change what is shown.
  private mutating func applyView(_ action: Action) {
    switch action {
    case .toggleLogScale: logScale.toggle()
    case .adjustSmoothing(let delta): setSmoothing(smoothing + delta)
    case .toggleXAxis: xAxis = xAxis.toggled
    case .toggleRobustRange: robustRange.toggle()
    case .focusNext: moveFocus(to: focus.next)
    case .focusPrevious: moveFocus(to: focus.previous)
    case .toggleZoom: zoomed = zoomed == nil ? focus : nil
    case .toggleHelp: showsHelp.toggle()
    case .status(let message): statusMessage = message
    default: break
    }
  }

  /// Sets the smoothing weight, rounded to 0.01 and clamped to 0…0.99.
  private mutating func setSmoothing(_ weight: Double) {
    smoothing = min(UIState.maximumSmoothing, max(0, (weight * 100).rounded() / 100))
    statusMessage = "smoothing " + Format.compact(smoothing)
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
