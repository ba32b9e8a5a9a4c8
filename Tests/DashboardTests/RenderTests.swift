import Dashboard
import Foundation
import Testing
import Training

@Suite struct RenderTests {
  private let snapshot = FakeSnapshot.mnist()

  @Test func fullLayoutAt120By40() {
    let screen = render(snapshot, UIState(), width: 120, height: 40)
    let lines = screen.lines
    #expect(lines.count == 40)
    #expect(lines.allSatisfy { $0.count == 120 })
    #expect(
      lines[0].hasPrefix(
        "traintop · mnist · mlp 784-256-128-10 relu · adam lr 1.0e-3 β1 0.9 β2 0.999 wd 0 clip 5 · cosine, warmup 1"))
    #expect(lines[0].hasSuffix(" RUNNING"))
    #expect(
      lines[1].hasPrefix(
        "epoch 4/20 · step 1830/12000 ▕███                 ▏ 15% · 21.4k samples/s · ETA 0:41 · elapsed 1:23"))
    #expect(
      lines[2].hasPrefix(
        "┌ Loss (smoothing 0.6) ━ step ━ train 0.167 ━ val 0.183 ────┬ Accuracy ━ train 96.7% ━ val 96.0% ─"))
    #expect(lines[2].hasSuffix("─┐"))
    #expect(
      lines[16].hasPrefix("├ Learning rate 1.0e-3 · cosine, warmup 1 ▼ changed ────────┼ Gradient norm 0.53 · clip 5 ─")
    )
    #expect(lines[16].hasSuffix("─┤"))
    #expect(lines[29].hasPrefix("├ Early stopping ─"))
    #expect(Array(lines[29])[60] == "┴")
    #expect(lines[30].hasPrefix("│val_loss · best 0.1833 at epoch 3 · patience 10/10 ▕████████████████████▏"))
    #expect(lines[31].hasPrefix("├ Events ─"))
    #expect(lines[32..<38].filter { $0.contains("lr 1.0e-3 → 5.0e-4 (key)") }.count == 1)
    #expect(lines[38].hasPrefix("└─"))
    #expect(lines[38].hasSuffix("─┘"))
    #expect(lines[39].hasPrefix("q quit · space pause · n step"))
    #expect(lines[39].hasSuffix("? help"))
    // Chart content: y ticks on the left of the loss chart, the x axis line with its unit.
    #expect(lines[3].hasPrefix("│  2.4┤"))
    #expect(lines[15].hasPrefix("│     └0 "))
    #expect(lines[15].contains(" step "))
  }

  @Test func layoutRectanglesShareBorders() {
    let layout = DashboardLayout(width: 120, height: 40)
    #expect(layout.panes[.loss] == Rect(x: 0, y: 2, width: 61, height: 15))
    #expect(layout.panes[.accuracy] == Rect(x: 60, y: 2, width: 60, height: 15))
    #expect(layout.panes[.learningRate] == Rect(x: 0, y: 16, width: 61, height: 14))
    #expect(layout.panes[.gradientNorm] == Rect(x: 60, y: 16, width: 60, height: 14))
    #expect(layout.earlyStopping == Rect(x: 0, y: 29, width: 120, height: 3))
    #expect(layout.panes[.events] == Rect(x: 0, y: 31, width: 120, height: 8))
    #expect(layout.footer == Rect(x: 0, y: 39, width: 120, height: 1))
    let zoomed = DashboardLayout(width: 120, height: 40, zoomed: .accuracy)
    #expect(zoomed.panes == [.accuracy: Rect(x: 0, y: 2, width: 120, height: 37)])
    #expect(zoomed.earlyStopping == nil)
  }

  @Test func focusedPaneBorderIsHighlighted() {
    var ui = UIState()
    ui.focus = .gradientNorm
    let screen = render(snapshot, ui, width: 120, height: 40)
    #expect(screen.cell(x: 119, y: 20).style == Palette.focus)  // gradient norm's right edge
    #expect(screen.cell(x: 60, y: 16) == Cell("┼", style: Palette.focus))
    #expect(screen.cell(x: 0, y: 5).style == Palette.border)  // loss's left edge
    #expect(screen.cell(x: 0, y: 2) == Cell("┌", style: Palette.border))
  }

  @Test func zoomShowsOnlyTheFocusedPaneBetweenHeaderAndFooter() {
    var ui = UIState()
    ui.focus = .accuracy
    ui.zoomed = .accuracy
    let lines = render(snapshot, ui, width: 120, height: 40).lines
    #expect(lines[0].hasSuffix("RUNNING"))
    #expect(lines[2].hasPrefix("┌ Accuracy ━ train 96.7% ━ val 96.0% ─"))
    #expect(lines[2].hasSuffix("─┐"))
    #expect(lines[38].hasPrefix("└─"))
    #expect(!lines.joined().contains("Loss"))
    #expect(!lines.joined().contains("┬"))
    #expect(lines[39].hasPrefix("q quit"))
  }

  @Test func smallestSizeLaysOutEveryPane() {
    let lines = render(snapshot, UIState(), width: 60, height: 16).lines
    #expect(lines.count == 16)
    #expect(lines.allSatisfy { $0.count == 60 })
    let text = lines.joined(separator: "\n")
    for title in ["┌ Loss", "┬ Accuracy", "├ Learning rate", "┼ Gradient norm", "├ Early stopping", "├ Events"] {
      #expect(text.contains(title), "\(title)")
    }
    #expect(lines[14].hasPrefix("└"))
    #expect(lines[14].hasSuffix("┘"))
    #expect(lines[15] == "q quit · space pause · n step · ↑/↓ lr ×÷1.25 · o … · ? help")
  }

  @Test func everySizeFromTheMinimumUpLaysOutConsistently() {
    for width in stride(from: 60, through: 150, by: 9) {
      for height in stride(from: 16, through: 52, by: 4) {
        let lines = render(snapshot, UIState(), width: width, height: height).lines
        #expect(lines[2].hasPrefix("┌ Loss"), "\(width)×\(height)")
        #expect(lines[height - 2].hasPrefix("└") && lines[height - 2].hasSuffix("┘"), "\(width)×\(height)")
        #expect(lines[height - 1].hasSuffix("? help"), "\(width)×\(height)")
      }
    }
  }

  @Test func tooSmallTerminalsSayExactlyWhatIsNeeded() {
    for (width, height) in [(59, 16), (50, 12), (60, 15)] {
      let lines = render(snapshot, UIState(), width: width, height: height).lines
      let message = "terminal too small: need 60×16, have \(width)×\(height)"
      #expect(lines.filter { $0.trimmingCharacters(in: .whitespaces) == message }.count == 1)
      #expect(lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count == 1)
    }
    #expect(render(snapshot, UIState(), width: 10, height: 3).lines[1] == "terminal t")
    #expect(render(snapshot, UIState(), width: 0, height: 0).lines.isEmpty)
  }

  @Test func beforeTheFirstSnapshotItSaysStarting() {
    let lines = render(nil, UIState(), width: 60, height: 16).lines
    #expect(lines[0] == "traintop" + String(repeating: " ", count: 44) + "STARTING")
    #expect(lines[8] == "│" + "starting…".leftPadded(to: 33).rightPadded(to: 58) + "│")
    #expect(lines[15].hasPrefix("q quit"))
  }

  @Test func helpOverlayListsEveryKeyAndEveryCommand() {
    var ui = UIState()
    ui.showsHelp = true
    let text = render(snapshot, ui, width: 120, height: 40).lines.joined(separator: "\n")
    #expect(text.contains("Help · ? or esc closes"))
    for entry in HelpOverlay.keys(ui) {
      #expect(text.contains(entry.key.rightPadded(to: 10) + entry.action), "\(entry.key)")
    }
    for command in PromptCommand.allCases { #expect(text.contains(":" + command.word), "\(command)") }
    for entry in HelpOverlay.commands { #expect(text.contains(entry.action), "\(entry.usage)") }
    #expect(text.contains("optimizers: sgd momentum nesterov adagrad rmsprop adam adamw"))
    #expect(text.contains("schedules:  constant step exponential cosine cosine-restarts plateau onecycle"))
    let keys = HelpOverlay.keys(ui).map(\.key).joined(separator: " ")
    #expect(
      keys == "q space, p n ↑, + ↓, - o e s u f L [ ] x r v tab shift-tab h j k l enter : ? esc pgup pgdn, end w c")
    // The help reads the configured factor and step, not fixed numbers.
    #expect(text.contains("learning rate × factor (1.25)") && text.contains("smoothing + 0.1"))
    ui.learningRateFactor = 2
    let doubled = render(snapshot, ui, width: 120, height: 40).lines.joined(separator: "\n")
    #expect(doubled.contains("learning rate × factor (2)"))
  }

  @Test func statusMessageSitsInTheBottomBorder() {
    var ui = UIState()
    _ = ui.apply(.up, snapshot: snapshot)
    let lines = render(snapshot, ui, width: 120, height: 40).lines
    #expect(lines[38].hasSuffix("─ lr ×1.25 ┘"))
  }

  @Test func epochAxisAndLogScaleShowInTheCharts() {
    var ui = UIState()
    _ = ui.apply(.character("x"), snapshot: snapshot)
    _ = ui.apply(.character("L"), snapshot: snapshot)
    let lines = render(snapshot, ui, width: 120, height: 40).lines
    #expect(lines[2].hasPrefix("┌ Loss (log, smoothing 0.6) ━"))
    #expect(lines[15].contains(" epoch "))
    #expect(lines[15].hasPrefix("│     └0 "))
    #expect(lines[15].contains("3.05"))  // the last step 1829.5 / 600 steps per epoch
  }

  @Test func openPromptReplacesTheFooter() {
    var ui = UIState()
    for key in [Key.character(":"), .character("w"), .character("d")] { _ = ui.apply(key, snapshot: snapshot) }
    let lines = render(snapshot, ui, width: 120, height: 40).lines
    #expect(lines[39] == ":wd".rightPadded(to: 120))
  }

  @Test func nonFiniteLossIsMarkedOnTheLossChartsTopRow() {
    var snapshot = FakeSnapshot.tiny()
    snapshot.stepLoss = Series(values: [2.0, 1.5, .nan, 0.8, .infinity, 0.5, 0.45, 0.4])
    let screen = FakeSnapshot.boxed(LossPane(), snapshot, width: 44, height: 8)
    let marks = (0..<44).filter { screen.cell(x: $0, y: 1).character == "×" }
    // Steps 2 and 4 of x 0…8 over 72 dot columns: 2·71/8 = 17.75 → 18 and 35.5 → 36, i.e. cells 9 and 18,
    // after the border and 6 columns of labels and axis.
    #expect(marks == [16, 25])
    #expect(screen.cell(x: 16, y: 1).style == Style(.red, bold: true))
  }
}

/// `--folds`: the folds table beside the events.
@Suite struct FoldsPaneTests {
  @Test func finishedFoldsThisFoldAndTheMean() {
    var snapshot = FakeSnapshot.mnist()
    snapshot.info.crossValidation = CrossValidationStatus(
      fold: 3, folds: 5,
      finished: [
        .init(fold: 1, monitor: "val_loss", value: 0.25, epochs: 12),
        .init(fold: 2, monitor: "val_loss", value: 0.75, epochs: 9),
      ])
    let lines = render(snapshot, UIState(), width: 120, height: 40).lines
    // The events box ends where the folds box (36 columns, sharing its left border) begins.
    #expect(lines[31].hasPrefix("├ Events ─"))
    #expect(lines[31].contains("┬ Folds · 3/5 ─"))
    #expect(Array(lines[31])[84] == "┬")
    let folds = lines[32...37].map { String(Array($0)[85..<119]) }
    #expect(folds[0].hasPrefix("fold  val_loss  epochs"))
    #expect(folds[1].hasPrefix("1     0.2500    12"))
    #expect(folds[2].hasPrefix("2     0.7500    9"))
    #expect(folds[3].hasPrefix("3     training…"))
    // Mean 0.5 and population std 0.25 of 0.25 and 0.75.
    #expect(folds[4].hasPrefix("mean  0.5000 ± 0.2500"))
    #expect(
      DashboardLayout(width: 120, height: 40, folds: true).panes[.events] == Rect(x: 0, y: 31, width: 85, height: 8))
    // Narrow screens keep the events whole.
    #expect(DashboardLayout(width: 79, height: 40, folds: true).folds == nil)
  }
}
