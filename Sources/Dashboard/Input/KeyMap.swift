import NN
import Training

/// Turns a key into actions, given the UI state and the latest snapshot. Pure: nothing changes here.
///
/// | key | action |
/// |---|---|
/// | `q`, Ctrl-C | quit (confirm with `y` while training) |
/// | space, `p` | pause / resume |
/// | `n` | one step while paused |
/// | ↑ `+` / ↓ `-` | learning rate × / ÷ the factor (1.25) |
/// | `o` | next optimizer |
/// | `e` | stop now |
/// | `s` | save a checkpoint |
/// | `l` `[` `]` `x` `r` | log scale, smoothing −/+, x axis, robust range |
/// | Tab, Shift-Tab, Enter | focus next / previous pane, zoom |
/// | `:` `?` Esc | prompt, help, close |
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
    if ui.showsHelp, key == .escape { return [.toggleHelp] }
    return viewActions(for: key, ui: ui) ?? trainerActions(for: key, ui: ui, snapshot: snapshot)
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
    case .backTab, .resize: []
    }
  }

  /// Keys that only change the view; nil for the others.
  static func viewActions(for key: Key, ui: UIState) -> [Action]? {
    switch key {
    case .character("l"): [.toggleLogScale]
    case .character("["): [.adjustSmoothing(-UIState.smoothingStep)]
    case .character("]"): [.adjustSmoothing(UIState.smoothingStep)]
    case .character("x"): [.toggleXAxis]
    case .character("r"): [.toggleRobustRange]
    case .tab: [.focusNext]
    case .backTab: [.focusPrevious]
    case .enter: [.toggleZoom]
    case .character(":"): [.openPrompt]
    case .character("?"): [.toggleHelp]
    case .escape: ui.showsHelp ? [.toggleHelp] : (ui.zoomed != nil ? [.toggleZoom] : [])
    default: nil
    }
  }

  /// Keys that talk to the trainer (or quit).
  static func trainerActions(for key: Key, ui: UIState, snapshot: TrainingSnapshot?) -> [Action] {
    let status = snapshot?.status ?? .starting
    if case .stopped = status {
      switch key {
      case .character("q"), .ctrlC: return [.quit]
      case .character(" "), .character("p"), .character("n"), .up, .down, .character("+"), .character("="),
        .character("-"), .character("o"), .character("e"), .character("s"):
        return [.status("training has stopped; q quits")]
      default: return []
      }
    }
    switch key {
    case .character("q"), .ctrlC: return [.requestQuit]
    case .character(" "), .character("p"): return [.trainer(status == .paused ? .resume : .pause, .key)]
    case .character("n"):
      return status == .paused ? [.trainer(.step, .key)] : [.status("n takes one step while paused")]
    case .up, .character("+"), .character("="):
      return [.trainer(.scaleLearningRate(ui.learningRateFactor), .key)]
    case .down, .character("-"):
      return [.trainer(.scaleLearningRate(1 / ui.learningRateFactor), .key)]
    case .character("o"):
      guard let current = snapshot?.optimizer else { return [.status("waiting for the trainer")] }
      return [.trainer(.setOptimizer(nextOptimizer(after: current)), .key)]
    case .character("e"): return [.trainer(.stop(.manual), .key)]
    case .character("s"): return [.trainer(.saveCheckpoint(path: nil), .key)]
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
