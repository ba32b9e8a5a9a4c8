import Dashboard
import NN
import Testing
import Training

@Suite struct PaneTests {
  @Test func earlyStoppingLineCountsPatienceDown() {
    let status = EarlyStoppingStatus(
      monitor: "val_loss", bestEpoch: 4, bestValue: 0.08123, patience: 10, patienceLeft: 3)
    let spans = EarlyStoppingPane.line(status, width: 58)
    // 50 columns of text, then a bar of min(20, 58 − 50 − 3) = 5 cells at 3/10 → 12 eighths = 1½ cells.
    #expect(spans.plainText == "val_loss · best 0.08123 at epoch 4 · patience 3/10 ▕█▌   ▏")
    #expect(spans.first { $0.text.hasPrefix("patience") }?.style == Style(.yellow))
    var last = status
    last.patienceLeft = 1
    #expect(
      EarlyStoppingPane.line(last, width: 58).first { $0.text.hasPrefix("patience") }?.style == Style(.red, bold: true))
    let fresh = EarlyStoppingStatus(
      monitor: "val_accuracy", bestEpoch: nil, bestValue: nil, patience: 5, patienceLeft: 5)
    #expect(EarlyStoppingPane.line(fresh, width: 30).plainText == "val_accuracy · no best yet · patience 5/5")
    #expect(EarlyStoppingPane.line(nil, width: 30).plainText == "off")
  }

  @Test func optimizerTextShowsTheSettingsEachKindReads() {
    // Each optimizer shows the table's settings it reads, then the regularisers that are on.
    var values: [Hyperparameter: Double] = [
      .learningRate: 0.01, .momentum: 0.9, .beta1: 0.9, .beta2: 0.999, .weightDecay: 1e-4, .l1: 0, .l2: 0,
      .patience: 5,
    ]
    #expect(HeaderPane.optimizerText(.sgd, values) == "sgd lr 1.0e-2 wd 1e-4")
    #expect(HeaderPane.optimizerText(.momentum, values) == "momentum lr 1.0e-2 momentum 0.9 wd 1e-4")
    #expect(HeaderPane.optimizerText(.nesterov, values) == "nesterov lr 1.0e-2 momentum 0.9 wd 1e-4")
    #expect(HeaderPane.optimizerText(.adagrad, values) == "adagrad lr 1.0e-2 wd 1e-4")
    #expect(HeaderPane.optimizerText(.rmsprop, values) == "rmsprop lr 1.0e-2 momentum 0.9 wd 1e-4")
    #expect(HeaderPane.optimizerText(.adam, values) == "adam lr 1.0e-2 β1 0.9 β2 0.999 wd 1e-4")
    values[.l1] = 1e-5
    values[.l2] = 2e-5
    values[.clipNorm] = 1
    #expect(
      HeaderPane.optimizerText(.adamw, values) == "adamw lr 1.0e-2 β1 0.9 β2 0.999 wd 1e-4 l1 1e-5 l2 2e-5 clip 1")
    values[.learningRate] = 1.25e-3
    #expect(HeaderPane.optimizerText(.sgd, values).hasPrefix("sgd lr 1.25e-3 "))
  }

  @Test func headerNamesTheComputeEngineAndItsThreads() {
    var snapshot = FakeSnapshot.mnist()
    #expect(HeaderPane.computeText(snapshot) == nil)  // unknown engine: nothing shown
    snapshot.info.computeEngine = "oneDNN 2.6.3 avx2"
    snapshot.hyperparameters[.threads] = 2
    #expect(HeaderPane.computeText(snapshot) == "oneDNN 2.6.3 avx2 ×2")
    #expect(HeaderPane.runLine(snapshot).plainText.hasSuffix(" · oneDNN 2.6.3 avx2 ×2"))
  }

  @Test func headerStateIsColouredByStatus() {
    #expect(HeaderPane.state(.running) == Span("RUNNING", Style(.green, bold: true)))
    #expect(HeaderPane.state(.paused) == Span("PAUSED", Style(.yellow, bold: true)))
    #expect(
      HeaderPane.state(.stopped(.patienceExhausted)) == Span("STOPPED (patience exhausted)", Style(.red, bold: true)))
    #expect(HeaderPane.state(.starting).text == "STARTING")
  }

  @Test func stoppedHeaderShowsTheFinalTestMetrics() {
    var snapshot = FakeSnapshot.mnist(status: .stopped(.patienceExhausted))
    snapshot.testMetrics = [("test_accuracy", 0.98123), ("test_loss", 0.0621)]
    let lines = render(snapshot, UIState(), width: 120, height: 40).lines
    #expect(lines[0].hasSuffix(" STOPPED (patience exhausted)"))
    #expect(
      lines[0].hasPrefix("traintop · mnist · mlp 784-256-128-10 relu · adam lr 1.0e-3 β1 0.9 β2 0.999 wd 0 clip 5 · …"))
    #expect(
      lines[1].hasPrefix(
        "epoch 4/20 · step 1830/12000 ▕███                 ▏ 15% · test: accuracy 0.9812 · loss 0.0621"))
    #expect(!lines[1].contains("samples/s"))
  }

  @Test func progressLineIsTruncatedWithAnEllipsis() {
    let line = HeaderPane.progressLine(FakeSnapshot.mnist(), width: 80).truncated(to: 80).plainText
    // Bar of 80 / 6 = 13 cells at 1830/12000 → 15.9 eighths → 16 = 2 cells.
    #expect(line == "epoch 4/20 · step 1830/12000 ▕██           ▏ 15% · 21.4k samples/s · ETA 0:41 ·…")
  }

  @Test func footerListsTheKeysAndKeepsHelpVisibleWhenCut() {
    let snapshot = FakeSnapshot.mnist()
    var wide = Screen(width: 170, height: 1)
    FooterPane().render(snapshot, UIState(), into: &wide, in: wide.bounds)
    let keys =
      "q quit · space pause · n step · ↑/↓ lr ×÷1.25 · o optimizer · e stop · s save · L log · [ ] "
      + "smoothing · x axis · v view · tab focus · enter zoom · : command · ? help"
    #expect(wide.lines[0] == keys.rightPadded(to: 170))
    var narrow = Screen(width: 60, height: 1)
    FooterPane().render(snapshot, UIState(), into: &narrow, in: narrow.bounds)
    #expect(narrow.lines[0] == "q quit · space pause · n step · ↑/↓ lr ×÷1.25 · o … · ? help")
    var paused = Screen(width: 60, height: 1)
    FooterPane().render(FakeSnapshot.mnist(status: .paused), UIState(), into: &paused, in: paused.bounds)
    #expect(paused.lines[0].hasPrefix("q quit · space resume · n step"))
  }

  @Test func footerShowsThePromptWithCursorAndThenTheError() {
    let snapshot = FakeSnapshot.mnist()
    var ui = UIState()
    for key in [Key.character(":"), .character("l"), .character("r"), .character(" "), .character("x")] {
      _ = ui.apply(key, snapshot: snapshot)
    }
    var screen = Screen(width: 60, height: 1)
    FooterPane().render(snapshot, ui, into: &screen, in: screen.bounds)
    #expect(screen.lines[0] == ":lr x".rightPadded(to: 60))
    #expect(screen.cell(x: 5, y: 0).style == Style(reverse: true))  // the cursor after "lr x"
    _ = ui.apply(.enter, snapshot: snapshot)
    FooterPane().render(snapshot, ui, into: &screen, in: screen.bounds)
    #expect(screen.lines[0] == "lr: expected a positive number, got \"x\"".rightPadded(to: 60))
    #expect(screen.cell(x: 0, y: 0).style == Palette.error)
  }

  @Test func footerAsksBeforeQuitting() {
    var ui = UIState()
    _ = ui.apply(.character("q"), snapshot: FakeSnapshot.mnist())
    var screen = Screen(width: 100, height: 1)
    FooterPane().render(FakeSnapshot.mnist(), ui, into: &screen, in: screen.bounds)
    #expect(screen.lines[0].hasPrefix(FooterPane.quitQuestion))
  }

  @Test func eventTimesAreLocalClockTimes() {
    let pane = EventsPane(utcOffsetSeconds: 0)
    #expect(pane.clockTime(FakeSnapshot.baseTime + 3 * 3600 + 4 * 60 + 5.9) == "04:04:05")
    #expect(EventsPane(utcOffsetSeconds: -3600).clockTime(FakeSnapshot.baseTime) == "00:00:00")
    #expect(EventsPane(utcOffsetSeconds: 2 * 3600).clockTime(FakeSnapshot.baseTime) == "03:00:00")
    #expect(pane.clockTime(.nan) == "--:--:--")
    let event = TrainingEvent(
      sequence: 1, time: FakeSnapshot.baseTime, step: 7, epoch: 1,
      detail: .rejected(command: "lr", reason: "not allowed"))
    #expect(pane.line(event, stepWidth: 3).plainText == "01:00:00 step 7    lr rejected: not allowed")
    #expect(pane.line(event)[2].style == Style(.red, bold: true))
  }

  @Test func layerBarsScaleToTheLargestNormAndSayHowManyAreHidden() {
    var screen = Screen(width: 26, height: 2)
    // Names get up to half the width (13 here): a longer one is cut.
    let layers = [(name: "conv1", norm: 2.0), (name: "dense_output_layer", norm: 1.0), (name: "x", norm: .nan)]
    GradientNormPane.drawLayerBars(layers, into: &screen, in: screen.bounds)
    #expect(screen.lines == ["conv1         ▕█████▏    2", "+2 more                   "])
    var tall = Screen(width: 26, height: 3)
    GradientNormPane.drawLayerBars(layers, into: &tall, in: tall.bounds)
    #expect(tall.lines == ["conv1         ▕█████▏    2", "dense_output… ▕██▌  ▏    1", "x             ▕     ▏  NaN"])
    #expect(tall.cell(x: 25, y: 2).style == Palette.error)
  }
}
