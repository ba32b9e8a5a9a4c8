import NN
import Training

/// Turns a key into actions, given the UI state and the latest snapshot. Pure: nothing changes here.
///
/// Which key does what is the `KeyBinding` table; this decides what a binding means now (the
/// prompt and the quit question take keys first).
public enum KeyMap {
  /// The actions `key` stands for in the current state.
  public static func actions(for key: Key, ui: UIState, snapshot: TrainingSnapshot?) -> [Action] {
    if ui.prompt.isOpen { return promptActions(for: key) }
    if ui.confirmingQuit {
      switch key {
      case .character("y"), .character("Y"), .ctrlC: return [.confirmQuit]
      case .resize: return []
      default: return [.cancelQuit]
      }
    }
    if ui.comparePicker != nil { return comparePickerActions(for: key) }
    if let result = snapshot?.lrFinder, let actions = lrFinderActions(for: key, ui: ui, result: result) {
      return actions
    }
    if case .mouse(let event) = key { return mouseActions(for: event, ui: ui, snapshot: snapshot) }
    guard let binding = KeyBinding(key, ui: ui) else { return [] }
    if binding.isTrainerKey { return trainerActions(for: binding, ui: ui, snapshot: snapshot) }
    return viewActions(for: binding, ui: ui)
  }

  /// Keys of the LR finder's overlay: ←/→ choose a suggestion, Enter applies it, Esc discards;
  /// nil lets any other key act as usual.
  static func lrFinderActions(for key: Key, ui: UIState, result: LRFinderResult) -> [Action]? {
    switch key {
    case .left: return [.chooseSuggestion(-1)]
    case .right: return [.chooseSuggestion(1)]
    case .enter:
      guard !result.suggestions.isEmpty else { return [.trainer(.finishLRFind(apply: nil), .key)] }
      let index = min(max(0, ui.suggestionChoice), result.suggestions.count - 1)
      return [
        .trainer(.finishLRFind(apply: result.suggestions[index].rate), .key), .chooseSuggestion(-ui.suggestionChoice),
      ]
    case .escape: return [.trainer(.finishLRFind(apply: nil), .key), .chooseSuggestion(-ui.suggestionChoice)]
    default: return nil
    }
  }

  /// Keys of the compare list: ↑/↓ (or k/j) choose, Enter draws or removes, Esc, `c` or `q` close.
  static func comparePickerActions(for key: Key) -> [Action] {
    switch key {
    case .up, .character("k"): [.moveComparePicker(-1)]
    case .down, .character("j"): [.moveComparePicker(1)]
    case .pageUp: [.moveComparePicker(-10)]
    case .pageDown: [.moveComparePicker(10)]
    case .enter: [.pickComparison]
    case .escape, .character("c"), .character("q"): [.closeComparePicker]
    default: []
    }
  }

  /// Keys that edit the open prompt.
  static func promptActions(for key: Key) -> [Action] {
    switch key {
    case .character(let character): [.editPrompt(.insert(character))]
    case .backspace: [.editPrompt(.deleteBackward)]
    case .delete: [.editPrompt(.deleteForward)]
    case .left: [.editPrompt(.moveLeft)]
    case .right: [.editPrompt(.moveRight)]
    case .home: [.editPrompt(.moveHome)]
    case .end: [.editPrompt(.moveEnd)]
    case .up: [.editPrompt(.historyPrevious)]
    case .down: [.editPrompt(.historyNext)]
    case .tab: [.editPrompt(.complete)]
    case .enter: [.submitPrompt]
    case .escape, .ctrlC: [.closePrompt]
    case .backTab, .resize, .pageUp, .pageDown, .mouse: []
    }
  }

  /// Bindings that only change the view.
  static func viewActions(for binding: KeyBinding, ui: UIState) -> [Action] {
    switch binding {
    case .logScale: [.toggleLogScale]
    case .smoothingDown: [.adjustSmoothing(-UIState.smoothingStep)]
    case .smoothingUp: [.adjustSmoothing(UIState.smoothingStep)]
    case .xAxis: [.toggleXAxis]
    case .robustRange: [.toggleRobustRange]
    case .page: [.togglePage]
    case .focusNext: [.focusNext]
    case .focusPrevious: [.focusPrevious]
    case .focusLeft: [.moveFocus(.left)]
    case .focusDown: [.moveFocus(.down)]
    case .focusUp: [.moveFocus(.up)]
    case .focusRight: [.moveFocus(.right)]
    case .eventsOlder: [.scrollEvents(UIState.eventPage)]
    case .eventsNewer: [.scrollEvents(-UIState.eventPage)]
    case .zoom: [.toggleZoom]
    case .prompt: [.openPrompt]
    case .help: [.toggleHelp]
    case .close: ui.showsHelp ? [.toggleHelp] : (ui.zoomed != nil ? [.toggleZoom] : [])
    case .cursorBack: [.moveCursor(-1)]
    case .cursorForward: [.moveCursor(1)]
    case .cursorStart: [.setCursor(.step(0))]
    case .cursorEnd: [.setCursor(.end)]
    case .switchRun: [.switchRun]
    case .compare: [.openComparePicker]
    case .quit, .pause, .step, .learningRateUp, .learningRateDown, .nextOptimizer, .stopNow, .save, .undo,
      .findLearningRate:
      []
    }
  }

  /// Bindings that talk to the trainer (or quit).
  static func trainerActions(for binding: KeyBinding, ui: UIState, snapshot: TrainingSnapshot?) -> [Action] {
    let status = snapshot?.status ?? .starting
    if ui.cursor != nil {
      return binding == .quit ? [.quit] : [.status("read-only: traintop view shows a recorded run")]
    }
    if case .stopped = status {
      return binding == .quit ? [.quit] : [.status("training has stopped; q quits")]
    }
    switch binding {
    case .quit: return [.requestQuit]
    case .pause: return [.trainer(status == .paused ? .resume : .pause, .key)]
    case .step: return status == .paused ? [.trainer(.step, .key)] : [.status("n takes one step while paused")]
    case .learningRateUp: return [.trainer(.scaleLearningRate(ui.learningRateFactor), .key)]
    case .learningRateDown: return [.trainer(.scaleLearningRate(1 / ui.learningRateFactor), .key)]
    case .nextOptimizer:
      guard let current = snapshot?.optimizer else { return [.status("waiting for the trainer")] }
      return [.trainer(.setOptimizer(nextOptimizer(after: current)), .key)]
    case .stopNow: return [.trainer(.stop(.manual), .key)]
    case .save: return [.trainer(.saveCheckpoint(path: nil), .key)]
    case .undo: return [.trainer(.undo, .key)]
    case .findLearningRate: return [.trainer(.findLearningRate, .key), .status("lr-find: sweeping a copy…")]
    default: return []
    }
  }

  /// The optimizer after `kind` in `OptimizerKind.allCases` order, wrapping around.
  public static func nextOptimizer(after kind: OptimizerKind) -> OptimizerKind {
    let all = OptimizerKind.allCases
    let index = all.firstIndex(of: kind) ?? 0
    return all[(index + 1) % all.count]
  }
}
