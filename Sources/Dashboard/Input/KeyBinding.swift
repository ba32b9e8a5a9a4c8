import Training

/// Every key the dashboard binds outside the prompt: one table for the key map, the footer and
/// the help overlay.
public enum KeyBinding: CaseIterable, Sendable {
  case quit, pause, step, learningRateUp, learningRateDown, nextOptimizer, stopNow, save, undo, findLearningRate
  case logScale, smoothingDown, smoothingUp, xAxis, robustRange, page
  case focusNext, focusPrevious, focusLeft, focusDown, focusUp, focusRight, zoom, prompt, help, close
  /// `traintop view`'s time cursor (before the events keys: End moves the cursor there).
  case cursorBack, cursorForward, cursorStart, cursorEnd
  case eventsOlder, eventsNewer
  /// Commands go to (and the panes show) the next live run, after a `:fork`.
  case switchRun
  /// A list of earlier runs of this dataset to draw as ghost lines.
  case compare

  /// The keys that trigger it.
  public var keys: [Key] {
    switch self {
    case .quit: [.character("q"), .ctrlC]
    case .pause: [.character(" "), .character("p")]
    case .step: [.character("n")]
    case .learningRateUp: [.up, .character("+"), .character("=")]
    case .learningRateDown: [.down, .character("-")]
    case .nextOptimizer: [.character("o")]
    case .stopNow: [.character("e")]
    case .save: [.character("s")]
    case .undo: [.character("u")]
    case .findLearningRate: [.character("f")]
    case .logScale: [.character("L")]
    case .smoothingDown: [.character("[")]
    case .smoothingUp: [.character("]")]
    case .xAxis: [.character("x")]
    case .robustRange: [.character("r")]
    case .page: [.character("v")]
    case .focusNext: [.tab]
    case .focusPrevious: [.backTab]
    case .focusLeft: [.character("h")]
    case .focusDown: [.character("j")]
    case .focusUp: [.character("k")]
    case .focusRight: [.character("l")]
    case .cursorBack: [.left]
    case .cursorForward: [.right]
    case .cursorStart: [.home]
    case .cursorEnd: [.end]
    case .switchRun: [.character("w")]
    case .compare: [.character("c")]
    case .eventsOlder: [.pageUp]
    case .eventsNewer: [.pageDown, .end]
    case .zoom: [.enter]
    case .prompt: [.character(":")]
    case .help: [.character("?")]
    case .close: [.escape]
    }
  }

  /// The binding `key` triggers, if any, with the user's own keys (`ui.keyOverrides`) in place of
  /// the defaults they replace.
  public init?(_ key: Key, ui: UIState = UIState()) {
    guard let binding = Self.allCases.first(where: { $0.isAvailable(in: ui) && $0.keys(in: ui).contains(key) })
    else { return nil }
    self = binding
  }

  /// False for the time cursor's keys on a live run (they belong to `traintop view`).
  public func isAvailable(in ui: UIState) -> Bool {
    switch self {
    case .cursorBack, .cursorForward, .cursorStart, .cursorEnd: ui.cursor != nil
    case .switchRun, .compare: ui.cursor == nil
    default: true
    }
  }

  /// Its keys in `ui`: the user's, when the user config binds it, else the defaults.
  public func keys(in ui: UIState) -> [Key] { ui.keyOverrides[self] ?? keys }

  /// Its name in the user config (`key-pause = "p"`): the case name in kebab case.
  public var configName: String {
    String(describing: self).reduce(into: "") { name, character in
      name += character.isUppercase ? "-" + character.lowercased() : String(character)
    }
  }

  /// The key a config file names: one character, or `space`, `tab`, `shift-tab`, `enter`, `esc`,
  /// `up`, `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`, `backspace`, `delete`, `ctrl-c`.
  public static func key(named name: String) -> Key? {
    if name.count == 1, let character = name.first, character != " " { return .character(character) }
    let named: [String: Key] = [
      "space": .character(" "), "tab": .tab, "shift-tab": .backTab, "enter": .enter, "esc": .escape, "up": .up,
      "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pgdn": .pageDown, "home": .home,
      "end": .end, "backspace": .backspace, "delete": .delete, "ctrl-c": .ctrlC,
    ]
    return named[name.lowercased()]
  }

  /// True for keys that talk to the trainer (or quit); the others only change the view.
  public var isTrainerKey: Bool {
    switch self {
    case .quit, .pause, .step, .learningRateUp, .learningRateDown, .nextOptimizer, .stopNow, .save, .undo,
      .findLearningRate:
      true
    default: false
    }
  }

  /// The keys as the help overlay names them in `ui` (the user's own keys when bound).
  public func keyLabel(_ ui: UIState) -> String {
    if let own = ui.keyOverrides[self] { return own.map(Self.name).joined(separator: ", ") }
    return keyLabel
  }

  /// The default keys as the help overlay names them: `space, p`, `↑, +`.
  public var keyLabel: String {
    switch self {
    case .quit: "q"
    case .pause: "space, p"
    case .learningRateUp: "↑, +"
    case .learningRateDown: "↓, -"
    case .focusNext: "tab"
    case .focusPrevious: "shift-tab"
    case .zoom: "enter"
    case .close: "esc"
    default: keys.map(Self.name).joined(separator: ", ")
    }
  }

  /// What it does, for the help overlay, with the configured factor and step.
  public func summary(_ ui: UIState) -> String {
    let factor = Format.compact(ui.learningRateFactor)
    let step = Format.compact(UIState.smoothingStep)
    return switch self {
    case .quit: "quit (asks first while training)"
    case .pause: "pause / resume"
    case .step: "one step while paused"
    case .learningRateUp: "learning rate × factor (\(factor))"
    case .learningRateDown: "learning rate ÷ factor (\(factor))"
    case .nextOptimizer: "next optimizer"
    case .stopNow: "stop now (early stop)"
    case .save: "save a checkpoint"
    case .undo: "undo the last change (weights too)"
    case .findLearningRate: "LR finder on a copy of the weights"
    case .logScale: "loss log scale on/off"
    case .smoothingDown: "smoothing − \(step)"
    case .smoothingUp: "smoothing + \(step)"
    case .xAxis: "x axis: steps / epochs"
    case .robustRange: "robust y range (5th–95th pct)"
    case .page: "curves / validation pictures"
    case .focusNext: "focus next pane"
    case .focusPrevious: "focus previous pane"
    case .focusLeft: "focus the pane to the left"
    case .focusDown: "focus the pane below"
    case .focusUp: "focus the pane above"
    case .focusRight: "focus the pane to the right"
    case .cursorBack: "view: time cursor back 1/\(ViewCursor.movesPerRun) of the run"
    case .cursorForward: "view: time cursor forward 1/\(ViewCursor.movesPerRun) of the run"
    case .cursorStart: "view: time cursor to the start"
    case .cursorEnd: "view: time cursor to the end (follows a live run)"
    case .switchRun: "switch runs after :fork"
    case .compare: "compare with an earlier run (a list)"
    case .eventsOlder: "events: \(UIState.eventPage) older (scrollback)"
    case .eventsNewer: "events: \(UIState.eventPage) newer (end: newest)"
    case .zoom: "zoom / unzoom the focused pane"
    case .prompt: "command prompt (tab completes)"
    case .help: "this help"
    case .close: "close help, prompt or zoom"
    }
  }

  /// The footer's short entry; nil for bindings the footer leaves out (or shows with a partner:
  /// `↑/↓` and `[ ]`).
  public func footer(_ ui: UIState, paused: Bool) -> (key: String, action: String)? {
    if ui.cursor != nil, isTrainerKey, self != .quit { return nil }  // a recorded run is read-only
    switch self {
    case .cursorBack: return ui.cursor == nil ? nil : ("←/→", "time")
    case .cursorStart: return ui.cursor == nil ? nil : ("home/end", "start/end")
    default: return footerEntry(ui, paused: paused)
    }
  }

  private func footerEntry(_ ui: UIState, paused: Bool) -> (key: String, action: String)? {
    switch self {
    case .quit: ("q", "quit")
    case .pause: ("space", paused ? "resume" : "pause")
    case .step: ("n", "step")
    case .learningRateUp: ("↑/↓", "lr ×÷" + Format.compact(ui.learningRateFactor))
    case .nextOptimizer: ("o", "optimizer")
    case .stopNow: ("e", "stop")
    case .save: ("s", "save")
    case .logScale: ("L", "log")
    case .smoothingDown: ("[ ]", "smoothing")
    case .xAxis: ("x", "axis")
    case .page: ("v", "view")
    case .focusNext: ("tab", "focus")
    case .zoom: ("enter", "zoom")
    case .prompt: (":", "command")
    case .help: ("?", "help")
    case .learningRateDown, .smoothingUp, .robustRange, .focusPrevious, .close, .undo, .findLearningRate,
      .focusLeft, .focusDown, .focusUp, .focusRight, .eventsOlder, .eventsNewer, .cursorBack, .cursorForward,
      .cursorStart, .cursorEnd, .switchRun, .compare:
      nil
    }
  }

  /// A single key's name.
  public static func name(_ key: Key) -> String {
    switch key {
    case .character(" "): "space"
    case .character(let c): String(c)
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .enter: "enter"
    case .escape: "esc"
    case .tab: "tab"
    case .backTab: "shift-tab"
    case .backspace: "backspace"
    case .delete: "delete"
    case .home: "home"
    case .end: "end"
    case .pageUp: "pgup"
    case .pageDown: "pgdn"
    case .resize: "resize"
    case .ctrlC: "ctrl-c"
    case .mouse: "mouse"
    }
  }
}
