import Dashboard
import Testing
import Training

@Suite struct PromptEditingTests {
  /// A UI state with the prompt open and `text` typed.
  private func typed(_ text: String) -> UIState {
    var ui = UIState()
    _ = ui.apply(.character(":"), snapshot: FakeSnapshot.mnist())
    for character in text { _ = ui.apply(.character(character), snapshot: FakeSnapshot.mnist()) }
    return ui
  }

  @Test func typingMovingAndDeletingEditTheLineAtTheCursor() {
    var ui = typed("lr 3e-4")
    #expect(ui.prompt.isOpen)
    #expect(ui.prompt.text == "lr 3e-4")
    #expect(ui.prompt.cursor == 7)
    let snapshot = FakeSnapshot.mnist()
    for key in [Key.left, .left, .backspace] { _ = ui.apply(key, snapshot: snapshot) }
    #expect(ui.prompt.text == "lr 3-4")
    #expect(ui.prompt.cursor == 4)
    for key in [Key.home, .delete, .delete, .character("w"), .character("d"), .end, .right] {
      _ = ui.apply(key, snapshot: snapshot)
    }
    #expect(ui.prompt.text == "wd 3-4")
    #expect(ui.prompt.cursor == 6)
    _ = ui.apply(.home, snapshot: snapshot)
    _ = ui.apply(.backspace, snapshot: snapshot)  // nothing before the cursor
    _ = ui.apply(.left, snapshot: snapshot)
    #expect(ui.prompt.text == "wd 3-4")
    #expect(ui.prompt.cursor == 0)
  }

  @Test func validLineClosesThePromptAndSendsItsCommand() {
    var ui = typed("lr 3e-4")
    let requests = ui.apply(.enter, snapshot: FakeSnapshot.mnist())
    #expect(requests == [.send(.set(.learningRate, 3e-4), .prompt)])
    #expect(!ui.prompt.isOpen)
    #expect(ui.prompt.history == ["lr 3e-4"])
    #expect(ui.statusMessage == "lr → 3.0e-4")
  }

  /// As vim: an invalid line closes the prompt, changes nothing, shows its error in the footer until
  /// the next key, and ↑ at a new prompt brings the line back to fix.
  @Test func invalidLineClosesWithItsErrorAndChangesNothing() {
    var ui = typed("lr abc")
    let requests = ui.apply(.enter, snapshot: FakeSnapshot.mnist())
    #expect(requests.isEmpty)
    #expect(!ui.prompt.isOpen)
    #expect(ui.prompt.error == "lr: expected a positive number, got \"abc\"")
    #expect(ui.prompt.history == ["lr abc"])
    var screen = Screen(width: 60, height: 1)
    FooterPane.draw(ui, paused: false, into: &screen, in: screen.bounds)
    #expect(screen.lines[0].hasPrefix("lr: expected a positive number, got \"abc\""))
    _ = ui.apply(.character("L"), snapshot: FakeSnapshot.mnist())  // the next key clears it (and acts)
    #expect(ui.prompt.error == nil && ui.logScale)
    _ = ui.apply(.character(":"), snapshot: FakeSnapshot.mnist())
    _ = ui.apply(.up, snapshot: FakeSnapshot.mnist())
    #expect(ui.prompt.text == "lr abc")
  }

  /// A very long line's error stays readable: the quoted value is cut, the footer shows the start.
  @Test func longLinesGiveShortErrors() {
    var ui = typed("lr " + String(repeating: "9x", count: 5_000))
    #expect(ui.prompt.text.count == 10_003 && ui.prompt.cursor == 10_003)
    _ = ui.apply(.enter, snapshot: FakeSnapshot.mnist())
    #expect(ui.prompt.error == "lr: expected a positive number, got \"9x9x9x9x9x9x9x9x9x9x9x9x…\"")
  }

  /// An invisible combining mark is spelled out, so the suggestion does not look like the word.
  @Test func combiningMarksAreShownInErrors() {
    #expect(
      PromptCommand.parse("optimiz\u{301}er adam")
        == .failure(.unknownCommand("optimiz\u{301}er", suggestion: "optimizer")))
    #expect(
      PromptError.unknownCommand("optimiz\u{301}er", suggestion: "optimizer").message
        == "unknown command \"optimiz\\u{301}er\"; did you mean \"optimizer\"?")
  }

  @Test func uiOnlyCommandsChangeTheViewWithoutSendingAnything() {
    var ui = typed("smoothing 0.85")
    #expect(ui.apply(.enter, snapshot: FakeSnapshot.mnist()).isEmpty)
    #expect(ui.smoothing == 0.85)
    ui = typed("log on")
    #expect(ui.apply(.enter, snapshot: FakeSnapshot.mnist()).isEmpty)
    #expect(ui.logScale)
    ui = typed("help")
    _ = ui.apply(.enter, snapshot: FakeSnapshot.mnist())
    #expect(ui.showsHelp)
  }

  @Test func trainerCommandsAreRefusedOnceTrainingHasStopped() {
    var ui = typed("lr 1e-3")
    let stopped = FakeSnapshot.mnist(status: .stopped(.epochsDone))
    #expect(ui.apply(.enter, snapshot: stopped).isEmpty)
    #expect(!ui.prompt.isOpen)
    #expect(ui.prompt.error == "training has stopped")
  }

  @Test func escapeCancelsAndEmptyEnterCloses() {
    var ui = typed("lr 1")
    #expect(ui.apply(.escape, snapshot: nil).isEmpty)
    #expect(!ui.prompt.isOpen)
    #expect(ui.prompt.text.isEmpty)
    #expect(ui.prompt.history.isEmpty)
    ui = typed("  ")
    #expect(ui.apply(.enter, snapshot: nil).isEmpty)
    #expect(!ui.prompt.isOpen)
  }

  @Test func upAndDownWalkTheHistoryAndRestoreTheDraft() {
    var ui = UIState()
    let snapshot = FakeSnapshot.mnist()
    for line in ["lr 1e-3", "wd 0", "wd 0", "clip off"] {
      _ = ui.apply(.character(":"), snapshot: snapshot)
      for character in line { _ = ui.apply(.character(character), snapshot: snapshot) }
      _ = ui.apply(.enter, snapshot: snapshot)
    }
    #expect(ui.prompt.history == ["lr 1e-3", "wd 0", "clip off"])  // the repeat is kept once
    _ = ui.apply(.character(":"), snapshot: snapshot)
    _ = ui.apply(.character("p"), snapshot: snapshot)
    var seen: [String] = []
    for key in [Key.up, .up, .up, .up, .down, .down, .down] {
      _ = ui.apply(key, snapshot: snapshot)
      seen.append(ui.prompt.text)
    }
    #expect(seen == ["clip off", "wd 0", "lr 1e-3", "lr 1e-3", "wd 0", "clip off", "p"])
    #expect(ui.prompt.cursor == 1)
  }

  @Test func tabCompletesCommandsAndNames() {
    var prompt = PromptState()
    prompt.open()
    prompt.setText("opt")
    prompt.apply(.complete)
    #expect(prompt.text == "optimizer ")
    prompt.setText("optimizer ad")
    prompt.apply(.complete)
    #expect(prompt.text == "optimizer ada")  // adagrad, adam, adamw share "ada"
    #expect(prompt.hint == "adagrad adam adamw")
    prompt.setText("optimizer adamw")
    prompt.apply(.complete)
    #expect(prompt.text == "optimizer adamw")
    prompt.setText("schedule cosine-")
    prompt.apply(.complete)
    #expect(prompt.text == "schedule cosine-restarts")
    prompt.setText("st")
    prompt.apply(.complete)
    #expect(prompt.text == "st")
    #expect(prompt.hint == "step stop")
    prompt.setText("paus")
    prompt.apply(.complete)
    #expect(prompt.text == "pause")  // takes no value: no trailing space
    prompt.setText("zz")
    prompt.apply(.complete)
    #expect(prompt.hint == "no match for \"zz\"")
    prompt.setText("log o")
    prompt.apply(.complete)
    #expect(prompt.text == "log o")
    #expect(prompt.hint == "on off")
  }

  @Test func tabKeyInThePromptCompletes() {
    var ui = typed("sched")
    _ = ui.apply(.tab, snapshot: nil)
    #expect(ui.prompt.text == "schedule ")
    #expect(ui.prompt.cursor == 9)
  }
}
