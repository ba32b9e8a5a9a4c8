import Dashboard
import Testing
import Training

/// `traintop view`'s keys and prompt: the time cursor moves, steering is refused, a live run is untouched.
@Suite struct ViewCursorTests {
  private func recorded(step: Int, status: TrainingStatus) -> TrainingSnapshot {
    var s = TrainingSnapshot(
      info: RunInfo(
        datasetName: "digits", modelSummary: "m", isClassification: true, totalEpochs: 3, stepsPerEpoch: 100,
        batchSize: 8))
    s.info.isRecorded = true
    s.step = step
    s.status = status
    return s
  }

  @Test func arrowsHomeAndEndMoveTheCursor() {
    var ui = UIState()
    ui.cursor = .end
    let end = recorded(step: 300, status: .stopped(.epochsDone))
    _ = ui.apply(.left, snapshot: end)
    #expect(ui.cursor == .step(297))  // 1/100 of 300 steps
    _ = ui.apply(.right, snapshot: end)
    #expect(ui.cursor == .end)  // forward at the end stays at the end
    let middle = recorded(step: 150, status: .paused)
    _ = ui.apply(.right, snapshot: middle)
    #expect(ui.cursor == .step(153))
    _ = ui.apply(.home, snapshot: middle)
    #expect(ui.cursor == .step(0))
    _ = ui.apply(.left, snapshot: recorded(step: 0, status: .paused))
    #expect(ui.cursor == .step(0))
    _ = ui.apply(.end, snapshot: middle)
    #expect(ui.cursor == .end && ui.statusMessage?.hasPrefix("time cursor: the end") == true)
  }

  /// Steps come from a run's files: a huge one moves the cursor without overflowing.
  @Test func hugeStepsDoNotOverflow() {
    var ui = UIState()
    ui.cursor = .step(0)
    var s = recorded(step: Int.max, status: .paused)
    s.info.totalSteps = Int.max
    _ = ui.apply(.right, snapshot: s)
    #expect(ui.cursor == .step(1 << 62))  // clamped (Int.max / 2, rounded to a Double)
    _ = ui.apply(.left, snapshot: s)
    if case .step(let step) = ui.cursor { #expect(step > 0) } else { Issue.record("no step cursor") }
  }

  @Test func steeringIsRefusedAndQuitNeedsNoQuestion() {
    var ui = UIState()
    ui.cursor = .end
    let s = recorded(step: 150, status: .paused)
    #expect(ui.apply(.character(" "), snapshot: s).isEmpty)
    #expect(ui.statusMessage == "read-only: traintop view shows a recorded run")
    #expect(ui.apply(.up, snapshot: s).isEmpty)
    #expect(ui.apply(.character("q"), snapshot: s) == [.quit])
    for character in ":lr 0.1" { _ = ui.apply(.character(character), snapshot: s) }
    #expect(ui.apply(.enter, snapshot: s).isEmpty)
    #expect(ui.prompt.error == "read-only: traintop view shows a recorded run")
  }

  @Test func aLiveRunKeepsItsKeys() {
    var ui = UIState()
    var s = recorded(step: 150, status: .running)
    s.info.isRecorded = false
    #expect(ui.apply(.left, snapshot: s).isEmpty && ui.cursor == nil)
    _ = ui.apply(.end, snapshot: s)
    #expect(ui.statusMessage == "events: newest")  // End still scrolls the events
    #expect(ui.apply(.character(" "), snapshot: s) == [.send(.pause, .key)])
    for character in ":goto 5" { _ = ui.apply(.character(character), snapshot: s) }
    _ = ui.apply(.enter, snapshot: s)
    #expect(ui.cursor == nil && ui.statusMessage == "goto moves the time cursor of traintop view")
  }

  @Test(arguments: [
    ("goto 1200", PromptAction.setCursor(.step(1200))), ("goto step 7", .setCursor(.step(7))),
    ("goto epoch 3", .setCursor(.epoch(3))), ("goto end", .setCursor(.end)), ("goto start", .setCursor(.step(0))),
  ])
  func gotoParses(line: String, action: PromptAction) throws {
    #expect(try PromptCommand.parse(line).get() == action)
  }

  @Test(arguments: ["goto", "goto epoch 0", "goto step -1", "goto soon", "goto step 3 4"])
  func badGotoIsRejected(line: String) {
    #expect(throws: PromptError.self) { try PromptCommand.parse(line).get() }
  }

  @Test func headerSaysView() {
    #expect(HeaderPane.viewState(recorded(step: 45, status: .paused)).text == "VIEW · STEP 45")
    #expect(HeaderPane.viewState(recorded(step: 45, status: .running)).text == "VIEW · LIVE")
    #expect(
      HeaderPane.viewState(recorded(step: 300, status: .stopped(.epochsDone))).text == "VIEW · STOPPED (epochs done)")
    var ui = UIState()
    ui.cursor = .end
    let screen = render(recorded(step: 45, status: .paused), ui, width: 200, height: 40)
    #expect(screen.lines.joined(separator: "\n").contains("VIEW · STEP 45"))
    #expect(
      screen.lines.joined(separator: "\n").contains("←/→ time")
        && !screen.lines.joined(separator: "\n").contains("space pause"))
  }
}

/// `:fork`, `:keep` and `w` as the prompt and key map read them.
@Suite struct ForkPromptTests {
  @Test func forkTakesOneChangeAndKeepALetter() throws {
    #expect(try PromptCommand.parse("fork lr 3e-4").get() == .fork(.set(.learningRate, 3e-4)))
    #expect(try PromptCommand.parse("fork optimizer sgd").get() == .fork(.setOptimizer(.sgd)))
    #expect(try PromptCommand.parse("fork lr *0.5").get() == .fork(.scaleLearningRate(0.5)))
    #expect(try PromptCommand.parse("keep b").get() == .keep("B"))
    #expect(throws: PromptError.self) { try PromptCommand.parse("fork").get() }
    #expect(throws: PromptError.self) { try PromptCommand.parse("fork pause").get() }
    #expect(throws: PromptError.self) { try PromptCommand.parse("fork lr -1").get() }
    #expect(throws: PromptError.self) { try PromptCommand.parse("keep 12").get() }
  }

  @Test func requestsReachTheApp() {
    var ui = UIState()
    let s = FakeSnapshot.mnist()
    #expect(ui.apply(.character("w"), snapshot: s) == [.switchRun])
    for character in ":fork lr 3e-4" { _ = ui.apply(.character(character), snapshot: s) }
    #expect(ui.apply(.enter, snapshot: s) == [.fork(.set(.learningRate, 3e-4))])
    for character in ":keep A" { _ = ui.apply(.character(character), snapshot: s) }
    #expect(ui.apply(.enter, snapshot: s) == [.keep("A")])
    ui.cursor = .end  // traintop view: read-only
    for character in ":fork lr 3e-4" { _ = ui.apply(.character(character), snapshot: s) }
    #expect(ui.apply(.enter, snapshot: s).isEmpty)
  }
}

/// `c`'s list of earlier runs: keys and drawing.
@Suite struct ComparePickerTests {
  private func picker() -> ComparePicker {
    ComparePicker(choices: [
      .init(path: "/r/b", line: "b · mlp", isShown: false), .init(path: "/r/a", line: "a · mlp", isShown: true),
    ])
  }

  @Test func keysChooseToggleAndClose() {
    var ui = UIState()
    let s = FakeSnapshot.mnist()
    #expect(ui.apply(.character("c"), snapshot: s) == [.listRuns])
    ui.comparePicker = picker()
    #expect(ui.apply(.character(" "), snapshot: s).isEmpty)  // steering keys wait while the list is open
    #expect(ui.apply(.enter, snapshot: s) == [.toggleComparison("/r/b")])
    _ = ui.apply(.down, snapshot: s)
    _ = ui.apply(.down, snapshot: s)
    #expect(ui.comparePicker?.selection == 1)
    #expect(ui.apply(.enter, snapshot: s) == [.toggleComparison("/r/a")])
    _ = ui.apply(.escape, snapshot: s)
    #expect(ui.comparePicker == nil)
  }

  @Test func theListMarksTheRunsDrawn() {
    var ui = UIState()
    ui.comparePicker = picker()
    let text = render(FakeSnapshot.mnist(), ui, width: 120, height: 40).lines.joined(separator: "\n")
    #expect(text.contains("Compare with · ↑/↓ choose · enter draws/removes · esc closes"))
    #expect(text.contains("  b · mlp") && text.contains("● a · mlp"))
    ui.comparePicker = ComparePicker(choices: [])
    let empty = render(FakeSnapshot.mnist(), ui, width: 120, height: 40).lines.joined(separator: "\n")
    #expect(empty.contains("no other runs of this dataset in the runs folder"))
  }
}
