import Dashboard
import NN
import Testing
import Training

@Suite struct KeyMapTests {
  private let running = FakeSnapshot.mnist(status: .running)
  private let paused = FakeSnapshot.mnist(status: .paused)
  private let stopped = FakeSnapshot.mnist(status: .stopped(.patienceExhausted))

  /// What one key sends from the default UI state.
  private func requests(_ key: Key, _ snapshot: TrainingSnapshot?) -> [AppRequest] {
    var ui = UIState()
    return ui.apply(key, snapshot: snapshot)
  }

  @Test func trainerKeysSendTheirCommands() {
    #expect(requests(.character(" "), running) == [.send(.pause, .key)])
    #expect(requests(.character("p"), running) == [.send(.pause, .key)])
    #expect(requests(.character(" "), paused) == [.send(.resume, .key)])
    #expect(requests(.character("p"), paused) == [.send(.resume, .key)])
    #expect(requests(.character("n"), paused) == [.send(.step, .key)])
    #expect(requests(.character("n"), running) == [])
    #expect(requests(.up, running) == [.send(.scaleLearningRate(1.25), .key)])
    #expect(requests(.character("+"), running) == [.send(.scaleLearningRate(1.25), .key)])
    #expect(requests(.down, running) == [.send(.scaleLearningRate(1 / 1.25), .key)])
    #expect(requests(.character("-"), running) == [.send(.scaleLearningRate(1 / 1.25), .key)])
    #expect(requests(.character("o"), running) == [.send(.setOptimizer(.adamw), .key)])  // adam → adamw
    #expect(requests(.character("e"), running) == [.send(.stop(.manual), .key)])
    #expect(requests(.character("s"), running) == [.send(.saveCheckpoint(path: nil), .key)])
    #expect(requests(.character(" "), nil) == [.send(.pause, .key)])  // before the first snapshot
  }

  @Test func statusMessagesSayWhatWasSentOrWhyNothingWas() {
    var ui = UIState()
    _ = ui.apply(.up, snapshot: running)
    #expect(ui.statusMessage == "lr ×1.25")
    _ = ui.apply(.down, snapshot: running)
    #expect(ui.statusMessage == "lr ÷1.25")
    _ = ui.apply(.character("n"), snapshot: running)
    #expect(ui.statusMessage == "n takes one step while paused")
    _ = ui.apply(.character("o"), snapshot: nil)
    #expect(ui.statusMessage == "waiting for the trainer")
    #expect(ui.apply(.character(" "), snapshot: stopped).isEmpty)
    #expect(ui.statusMessage == "training has stopped; q quits")
  }

  @Test func optimizerKeyCyclesInCaseOrderAndWraps() {
    #expect(KeyMap.nextOptimizer(after: .sgd) == .momentum)
    #expect(KeyMap.nextOptimizer(after: .adam) == .adamw)
    #expect(KeyMap.nextOptimizer(after: .adamw) == .sgd)
    var snapshot = running
    snapshot.optimizer = .rmsprop
    #expect(requests(.character("o"), snapshot) == [.send(.setOptimizer(.adam), .key)])
  }

  @Test func quitAsksWhileTrainingAndYConfirms() {
    var ui = UIState()
    #expect(ui.apply(.character("q"), snapshot: running).isEmpty)
    #expect(ui.confirmingQuit)
    #expect(ui.apply(.character("y"), snapshot: running) == [.send(.stop(.manual), .key), .quit])
    #expect(!ui.confirmingQuit)
  }

  @Test func anyOtherKeyCancelsTheQuitWithoutActing() {
    var ui = UIState()
    _ = ui.apply(.character("q"), snapshot: paused)
    #expect(ui.apply(.character("n"), snapshot: paused).isEmpty)  // cancels; does not step
    #expect(!ui.confirmingQuit)
    _ = ui.apply(.character("q"), snapshot: paused)
    _ = ui.apply(.resize, snapshot: paused)  // a resize is not an answer
    #expect(ui.confirmingQuit)
    _ = ui.apply(.escape, snapshot: paused)
    #expect(!ui.confirmingQuit)
  }

  @Test func quitIsImmediateOnceStoppedAndCtrlCActsLikeQ() {
    #expect(requests(.character("q"), stopped) == [.quit])
    #expect(requests(.ctrlC, stopped) == [.quit])
    var ui = UIState()
    #expect(ui.apply(.ctrlC, snapshot: running).isEmpty)
    #expect(ui.confirmingQuit)
    #expect(ui.apply(.ctrlC, snapshot: running) == [.send(.stop(.manual), .key), .quit])
    #expect(requests(.character("Y"), running).isEmpty)  // Y only answers a question
  }

  @Test func viewKeysChangeOnlyTheUIState() {
    var ui = UIState()
    for key in [Key.character("L"), .character("x"), .character("r"), .character("]")] {
      #expect(ui.apply(key, snapshot: running).isEmpty)
    }
    #expect(ui.logScale)
    #expect(ui.xAxis == .epochs)
    #expect(ui.robustRange)
    #expect(ui.smoothing == 0.7)
    for _ in 0..<5 { _ = ui.apply(.character("]"), snapshot: running) }
    #expect(ui.smoothing == 0.99)
    _ = ui.apply(.character("["), snapshot: running)
    #expect(ui.smoothing == 0.89)
    for _ in 0..<12 { _ = ui.apply(.character("["), snapshot: running) }
    #expect(ui.smoothing == 0)
    #expect(ui.statusMessage == "smoothing 0")
    _ = ui.apply(.character("x"), snapshot: running)
    #expect(ui.xAxis == .steps)
  }

  @Test func tabFocusesAndEnterZoomsAndEscapeUnzooms() {
    var ui = UIState()
    #expect(ui.focus == .loss)
    _ = ui.apply(.tab, snapshot: running)
    #expect(ui.focus == .accuracy)
    _ = ui.apply(.backTab, snapshot: running)
    _ = ui.apply(.backTab, snapshot: running)
    #expect(ui.focus == .events)
    _ = ui.apply(.enter, snapshot: running)
    #expect(ui.zoomed == .events)
    _ = ui.apply(.tab, snapshot: running)
    #expect(ui.focus == .loss)
    #expect(ui.zoomed == .loss)  // the zoom follows the focus
    _ = ui.apply(.enter, snapshot: running)
    #expect(ui.zoomed == nil)
    _ = ui.apply(.enter, snapshot: running)
    _ = ui.apply(.escape, snapshot: running)
    #expect(ui.zoomed == nil)
  }

  @Test func helpAndPromptOpenAndEscapeClosesThem() {
    var ui = UIState()
    _ = ui.apply(.character("?"), snapshot: running)
    #expect(ui.showsHelp)
    _ = ui.apply(.character("L"), snapshot: running)  // other keys still work under the help
    #expect(ui.logScale)
    _ = ui.apply(.escape, snapshot: running)
    #expect(!ui.showsHelp)
    _ = ui.apply(.character("?"), snapshot: running)
    _ = ui.apply(.character("?"), snapshot: running)
    #expect(!ui.showsHelp)
    _ = ui.apply(.character(":"), snapshot: running)
    #expect(ui.prompt.isOpen)
    #expect(ui.apply(.character("q"), snapshot: running).isEmpty)  // typed, not quit
    #expect(ui.prompt.text == "q")
    #expect(!ui.confirmingQuit)
  }

  @Test func keyMapIsPureAndResizeDoesNothing() {
    let ui = UIState()
    #expect(KeyMap.actions(for: .resize, ui: ui, snapshot: running) == [])
    #expect(KeyMap.actions(for: .character("q"), ui: ui, snapshot: running) == [.requestQuit])
    #expect(KeyMap.actions(for: .character("q"), ui: ui, snapshot: stopped) == [.quit])
    #expect(KeyMap.actions(for: .character(" "), ui: ui, snapshot: paused) == [.trainer(.resume, .key)])
    #expect(KeyMap.actions(for: .escape, ui: ui, snapshot: running) == [])
  }
}

@Suite struct KeyBindingTableTests {
  /// Every key in the table does something while training runs (the time cursor's keys in
  /// `traintop view`), and the help names its binding.
  @Test func everyBoundKeyActsAndIsInTheHelp() {
    var snapshot = FakeSnapshot.mnist()
    snapshot.status = .running
    var live = UIState()
    live.zoomed = .loss  // so esc has something to close
    var view = live
    view.cursor = .end
    for binding in KeyBinding.allCases {
      let ui = binding.isAvailable(in: live) ? live : view
      let help = HelpOverlay.keys(ui)
      for key in binding.keys {
        #expect(!KeyMap.actions(for: key, ui: ui, snapshot: snapshot).isEmpty, "\(key) does nothing")
        #expect(KeyBinding(key, ui: ui) == binding)
      }
      #expect(help.contains { $0.key == binding.keyLabel && $0.action == binding.summary(ui) }, "\(binding)")
    }
    // No key is bound twice in one mode.
    for ui in [live, view] {
      let keys = KeyBinding.allCases.filter { $0.isAvailable(in: ui) && !($0 == .eventsNewer && ui.cursor != nil) }
        .flatMap(\.keys)
      #expect(Set(keys.map { "\($0)" }).count == keys.count)
    }
  }
}

/// h/j/k/l move the focus on the screen; PgUp/PgDn scroll the events back and forth.
@Suite struct PaneMovementTests {
  func moved(from pane: PaneID, _ keys: String) -> PaneID {
    var ui = UIState()
    ui.focus = pane
    for key in keys { _ = ui.apply(.character(key), snapshot: FakeSnapshot.mnist()) }
    return ui.focus
  }

  @Test func vimKeysMoveAcrossTheGrid() {
    // loss | accuracy / learning rate | gradient norm, then the events across the bottom.
    #expect(moved(from: .loss, "l") == .accuracy)
    #expect(moved(from: .accuracy, "h") == .loss)
    #expect(moved(from: .loss, "j") == .learningRate)
    #expect(moved(from: .accuracy, "j") == .gradientNorm)
    #expect(moved(from: .gradientNorm, "j") == .events)
    #expect(moved(from: .events, "k") == .learningRate)  // a tie across the width goes left
    #expect(moved(from: .gradientNorm, "k") == .accuracy)
    // At an edge the focus stays.
    #expect(moved(from: .loss, "h") == .loss)
    #expect(moved(from: .loss, "k") == .loss)
    #expect(moved(from: .events, "j") == .events)
    #expect(moved(from: .accuracy, "l") == .accuracy)
    #expect(moved(from: .loss, "ljhk") == .loss)
  }

  @Test func pageKeysScrollTheEventsWithinTheirCount() {
    var ui = UIState()
    var snapshot = FakeSnapshot.mnist()
    snapshot.events = (1...12).map {
      TrainingEvent(sequence: $0, time: 0, step: $0 * 10, epoch: 1, detail: .runFor(.steps($0)))
    }
    _ = ui.apply(.pageUp, snapshot: snapshot)
    #expect(ui.eventScroll == 5)
    _ = ui.apply(.pageUp, snapshot: snapshot)
    _ = ui.apply(.pageUp, snapshot: snapshot)
    #expect(ui.eventScroll == 11)  // at most all but the oldest
    _ = ui.apply(.pageDown, snapshot: snapshot)
    #expect(ui.eventScroll == 6)
    _ = ui.apply(.end, snapshot: snapshot)
    #expect(ui.eventScroll == 1)
    _ = ui.apply(.pageDown, snapshot: snapshot)
    #expect(ui.eventScroll == 0)
    #expect(ui.statusMessage == "events: newest")
    ui.eventScroll = 10
    #expect(
      FakeSnapshot.boxed(EventsPane(utcOffsetSeconds: 0), snapshot, ui, width: 60, height: 4).lines == [
        "┌ Events · 10 back of 12 (pgdn, end) ──────────────────────┐",
        "│00:00:00 step 10  run 1 step, then pause                  │",
        "│00:00:00 step 20  run 2 steps, then pause                 │",
        "└──────────────────────────────────────────────────────────┘",
      ])
  }
}
