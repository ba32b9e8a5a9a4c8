import Dashboard
import Testing
import Training

/// Golden text of every pane at a fixed size (reviewed by eye, then frozen).
@Suite struct PaneGoldenTests {
  private let snapshot = FakeSnapshot.tiny()

  @Test func lossPaneDrawsRawSmoothedAndEpochLinesWithTitleOptions() {
    // Raw step loss 2.0→0.4 over steps 0…7, its EMA, train loss 1.3/0.5 and val 1.4/0.6 at steps 4 and 8.
    #expect(
      FakeSnapshot.boxed(LossPane(), snapshot, width: 44, height: 8).lines == [
        "┌ Loss (smoothing 0.6) ━ step ━ train 0.5… ┐",
        "│    2┤⠙⠲⣤⣀                                │",
        "│     │   ⠑⠫⣑⠢⢄⡀         ⣀                 │",
        "│  1.2┤      ⠑⠢⣈⠉⠒⠢⠤⣀⣀   ⠉⠛⠛⠶⢦⣤⣄⣀          │",
        "│     │         ⠉⠑⠒⠢⠤⢄⣉⠉⠒⠒⠤⠤⣀⣀⡀⠈⠉⠛⠛⠶⢦⣤⣄⣀   │",
        "│  0.4┤                ⠉⠑⠒⠒⠤⠤⠤⠬⠭⠵⠶⠶⠶⣤⣤⡌⠉⠛⠛⠶│",
        "│     └0               step               8│",
        "└──────────────────────────────────────────┘",
      ])
  }

  @Test func lossPaneInLogScale() {
    var ui = UIState()
    ui.logScale = true
    #expect(
      FakeSnapshot.boxed(LossPane(), snapshot, ui, width: 44, height: 8).lines == [
        "┌ Loss (log, smoothing 0.6) ━ step ━ trai… ┐",
        "│    2┤⠉⠓⠲⠦⣤⢄⣀                             │",
        "│     │     ⠉⠒⠭⣑⠒⠢⠤⢄⣀⡀   ⠛⠶⢖⣤⢄⣀⡀           │",
        "│ 0.89┤         ⠉⠒⠢⠤⣀⡈⠉⠒⠢⠤⣀⣀ ⠉⠉⠚⠫⠶⣒⡤⢄⣀⡀    │",
        "│     │              ⠈⠉⠒⠢⠤⣀⣀⠉⠉⠑⠒⠢⠤⠤⣈⣉⠒⠚⠭⢖⣒⠤│",
        "│  0.4┤                     ⠉⠉⠑⠒⠢⠤⠤⠤⣀⣉⡁   ⠉│",
        "│     └0               step               8│",
        "└──────────────────────────────────────────┘",
      ])
  }

  @Test func accuracyPaneShowsPercentagesForClassification() {
    #expect(
      FakeSnapshot.boxed(AccuracyPane(), snapshot, width: 44, height: 6).lines == [
        "┌ Accuracy ━ train 90.0% ━ val 85.0% ──────┐",
        "│  0.9┤                    ⣀⣀⣀⣀⡠⠤⠤⣤⣤⣒⡲⠶⠶⠮⠛⠛│",
        "│  0.7┤  ⢀⣀⣀⣀⣀⠤⠤⠤⠤⠔⢒⣒⣒⣒⠭⠭⠭⠭⠒⠒⠒⠊⠉⠉⠉         │",
        "│  0.5┤⣉⣉⠥⠤⠤⠔⠒⠒⠒⠉⠉⠉⠁                       │",
        "│     └4               step               8│",
        "└──────────────────────────────────────────┘",
      ])
  }

  @Test func accuracyPaneIsRSquaredForRegression() {
    var regression = snapshot
    regression.info.isClassification = false
    #expect(
      FakeSnapshot.boxed(AccuracyPane(), regression, width: 44, height: 6).lines == [
        "┌ R² ━ train 0.9 ━ val 0.85 ───────────────┐",
        "│  0.9┤                    ⣀⣀⣀⣀⡠⠤⠤⣤⣤⣒⡲⠶⠶⠮⠛⠛│",
        "│  0.7┤  ⢀⣀⣀⣀⣀⠤⠤⠤⠤⠔⢒⣒⣒⣒⠭⠭⠭⠭⠒⠒⠒⠊⠉⠉⠉         │",
        "│  0.5┤⣉⣉⠥⠤⠤⠔⠒⠒⠒⠉⠉⠉⠁                       │",
        "│     └4               step               8│",
        "└──────────────────────────────────────────┘",
      ])
  }

  @Test func learningRatePaneDrawsHistoryScheduleAndChangeMarker() {
    // History 0.1 for steps 0…3 then 0.05; the schedule continues 0.05, 0.025, 0 to step 16; ▼ at step 4.
    let screen = FakeSnapshot.boxed(LearningRatePane(), snapshot, width: 48, height: 7)
    #expect(
      screen.lines == [
        "┌ Learning rate 5.0e-2 · step ×0.5 every 1 ▼ … ┐",
        "│  0.1┤⠉⠉⠉⠉⠉⠉⠉⠉⢆ ▼                             │",
        "│     │         ⠣⡀                             │",
        "│0.033┤          ⠉⠉⠉⠉⠉⠉⠉⠉  ⠉⠉⠒⠒⠒⠤⠤⠤⣀⣀⣀         │",
        "│    0┤                               ⠉⠉⠑⠒⠒⠤⠤⢄⣀│",
        "│     └0                 step                16│",
        "└──────────────────────────────────────────────┘",
      ])
    #expect(screen.cell(x: 17, y: 1) == Cell("▼", style: Palette.change))
    #expect(screen.cell(x: 30, y: 3).style == Palette.upcoming)
  }

  @Test func gradientNormPaneDrawsClipLineAndLayerBars() {
    // Norm 3.0→0.8; the clip threshold 2 is the row of ⣀ across the plot; bars scaled to 0.6.
    let screen = FakeSnapshot.boxed(GradientNormPane(), snapshot, width: 64, height: 7)
    #expect(
      screen.lines == [
        "┌ Gradient norm 0.8 · clip 2 ──────────────────────────────────┐",
        "│    3┤⠉⠒⠤⢄⡀                         dense1 ▕████████████▏  0.6│",
        "│     │⣀⣀⣀⣀⣈⣑⣢⣄⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀ dense2 ▕██████      ▏  0.3│",
        "│  1.5┤         ⠉⠒⠢⠤⢄⣀⡀                                        │",
        "│  0.8┤               ⠈⠉⠑⠒⠢⠤⠤⠤⠤⠤⠤⢄⣀⣀                           │",
        "│     └0           step            7                           │",
        "└──────────────────────────────────────────────────────────────┘",
      ])
    #expect(screen.cell(x: 26, y: 2).style == Palette.clip)
  }

  @Test func earlyStoppingPaneSaysOffWithoutEarlyStopping() {
    #expect(
      FakeSnapshot.boxed(EarlyStoppingPane(), snapshot, width: 60, height: 3).lines == [
        "┌ Early stopping ──────────────────────────────────────────┐",
        "│off                                                       │",
        "└──────────────────────────────────────────────────────────┘",
      ])
  }

  @Test func eventsPaneShowsTheNewestEventsThatFit() {
    // Three events, room for two: the oldest is dropped. Times are 01:00:44 and 01:01:02 UTC.
    #expect(
      FakeSnapshot.boxed(EventsPane(utcOffsetSeconds: 0), FakeSnapshot.mnist(), width: 60, height: 4).lines == [
        "┌ Events ──────────────────────────────────────────────────┐",
        "│01:00:44 step 900   lr 1.0e-3 → 5.0e-4 (key)              │",
        "│01:01:02 step 1200  new best val_loss 0.275               │",
        "└──────────────────────────────────────────────────────────┘",
      ])
  }

  @Test func headerShowsRunOptimizerProgressAndState() {
    var screen = Screen(width: 100, height: 2)
    HeaderPane().render(snapshot, UIState(), into: &screen, in: screen.bounds)
    #expect(
      screen.lines == [
        "traintop · iris · mlp 4-16-3 relu · adam lr 5.0e-2 β1 0.9 β2 0.999 wd 0 clip 2 · step ×0.5 … RUNNING",
        "epoch 3/4 · step 8/16 ▕████████        ▏ 50% · 120 samples/s · ETA 0:02 · elapsed 0:02              ",
      ])
    #expect(screen.cell(x: 99, y: 0).style == Palette.running)
  }

  @Test func headerShowsTheAlertBadgeBesideTheState() {
    var alerted = snapshot
    alerted.alerts = [AlertTally(kind: .lossSpike, count: 3), AlertTally(kind: .overfitting, count: 1)]
    var screen = Screen(width: 100, height: 1)
    HeaderPane().render(alerted, UIState(), into: &screen, in: screen.bounds)
    #expect(
      screen.lines == [
        "traintop · iris · mlp 4-16-3 relu · adam lr 5.0e-2 β1 0.9 β2 0.999… ⚠ spike ×3 · overfitting RUNNING"
      ])
    #expect(screen.cell(x: 68, y: 0).style == Palette.alert)
  }

  @Test func headerShowsTheProcessFiguresAfterTheSpeed() {
    var ui = UIState()
    ui.process = ProcessFigures(cpuPercent: 197.6, residentBytes: 327_155_712)
    var screen = Screen(width: 120, height: 2)
    HeaderPane().render(snapshot, ui, into: &screen, in: screen.bounds)
    #expect(
      screen.lines[1]
        == "epoch 3/4 · step 8/16 ▕██████████          ▏ 50% · 120 samples/s · cpu 198% · 312 MB · ETA 0:02 · "
        + "elapsed 0:02          ")
  }

  @Test func comparedRunsAreGhostLinesUnderTheLiveOnesAndNamedInTheHeader() {
    var compared = snapshot
    let old = ComparisonRun(name: "2026-12-01-090000-iris", epochs: snapshot.epochs, stepLoss: snapshot.stepLoss)
    var other = old
    other.name = "B: lr → 3.0e-4"
    compared.info.comparisons = [old, other]
    let loss = LossPane().chart(compared, UIState())
    // Two runs, each its smoothed steps and val loss, each run in its own dim colour.
    #expect(loss.series.prefix(4).map(\.style) == [Palette.ghost, Palette.ghost, Palette.ghost(1), Palette.ghost(1)])
    #expect(Palette.ghost(0) == Palette.ghost && Palette.ghost(1) != Palette.ghost && Palette.ghost(4) == Palette.ghost)
    #expect(loss.series.count == LossPane().chart(snapshot, UIState()).series.count + 4)
    #expect(
      AccuracyPane().chart(compared, UIState()).series.prefix(2).map(\.style) == [Palette.ghost, Palette.ghost(1)])
    #expect(LearningRatePane().chart(compared, UIState()).series[1].style == Palette.ghost(1))
    let legend = HeaderPane.comparisonLegend(compared.info.comparisons)
    #expect(legend.map(\.text).joined() == "vs 2026-12-01-090000-iris, B: lr → 3.0e-4")
    #expect(legend.last?.style == Palette.ghost(1))
    #expect(HeaderPane.runLine(compared).map(\.text).joined().hasSuffix(" · vs 2026-12-01-090000-iris, B: lr → 3.0e-4"))
  }

  @Test func theAlertBadgeShrinksToFit() {
    let alerts = [
      AlertTally(kind: .explodingGradients, count: 2), AlertTally(kind: .lossSpike, count: 1),
      AlertTally(kind: .stall, count: 4),
    ]
    #expect(HeaderPane.alertBadge(alerts, width: 60) == "⚠ exploding ×2 · spike · stall ×4")
    #expect(HeaderPane.alertBadge(alerts, width: 25) == "⚠ exploding ×2 · spike +1")
    #expect(HeaderPane.alertBadge(alerts, width: 18) == "⚠ exploding ×2 +2")
    #expect(HeaderPane.alertBadge(alerts, width: 10) == "⚠ 7")
    #expect(HeaderPane.alertBadge([], width: 60) == nil)
  }
}
