import Dashboard
import Testing
import Training

/// The validation page: samples, confusion matrix and filters, drawn as text (reviewed by eye, then frozen).
@Suite struct PicturePaneTests {
  private let snapshot = FakeSnapshot.pictures()

  @Test func samplesAreTilesWithTrueAndPredictedClassesMistakesFirst() {
    // 4×4 images at 2 columns per pixel (8×4 cells): a vertical bar, a horizontal bar, a full square.
    let screen = FakeSnapshot.boxed(SamplesPane(), snapshot, width: 30, height: 8)
    #expect(
      screen.lines == [
        "┌ Samples ━ epoch 2 ━ 3 of … ┐",
        "│  ██              ████████  │",
        "│  ██     ████████ ████████  │",
        "│  ██              ████████  │",
        "│  ██              ████████  │",
        "│a→c      b→b      c→c       │",
        "│                            │",
        "└────────────────────────────┘",
      ])
    #expect(screen.cell(x: 1, y: 5).style == Palette.mistake)
    #expect(screen.cell(x: 10, y: 5).style == Palette.correct)
  }

  @Test func samplesShrinkToFitTheirTiles() {
    // One column per pixel, two pixel rows per cell: the horizontal bar covers half of its cells (▒).
    #expect(
      FakeSnapshot.boxed(SamplesPane(), snapshot, width: 20, height: 5).lines == [
        "┌ Samples ━ epoch… ┐",
        "│ █   ▒▒▒▒ ████    │",
        "│ █        ████    │",
        "│a→c  b→b  c→c     │",
        "└──────────────────┘",
      ])
  }

  @Test func samplesBeforeTheFirstEpochAndForTables() {
    var empty = snapshot
    empty.validation = nil
    #expect(
      FakeSnapshot.boxed(SamplesPane(), empty, width: 34, height: 3).lines[1] == "│images after the first epoch    │")
    empty.info.hasImages = false
    #expect(
      FakeSnapshot.boxed(SamplesPane(), empty, width: 34, height: 3).lines[1] == "│no images (tabular data)        │")
  }

  @Test func confusionMatrixShowsCountsWithTheDiagonalGreen() {
    let screen = FakeSnapshot.boxed(ConfusionPane(), snapshot, width: 30, height: 6)
    #expect(
      screen.lines == [
        "┌ Confusion ━ val epoch 2 ━… ┐",
        "│    a  b  c                 │",
        "│a   5  ·  1                 │",
        "│b   ·  4  ·                 │",
        "│c   2  ·  3                 │",
        "└────────────────────────────┘",
      ])
    #expect(screen.cell(x: 5, y: 2).style == Palette.correct)  // a→a 5
    #expect(screen.cell(x: 11, y: 2).style == Palette.mistake)  // a→c 1 of 6: over 5 % of the row
    #expect(screen.cell(x: 8, y: 2).style == Palette.secondary)  // a→b 0
  }

  @Test func confusionTitleHasTheValidationAccuracy() {
    // 12 of 15 right.
    #expect(ConfusionPane().title(snapshot, UIState()).map(\.text).joined() == "Confusion ━ val epoch 2 ━ 80.0%")
  }

  @Test func confusionFallsBackToShadesThenToAList() {
    // 3 classes need 3 + 1 rows; in 2 rows the largest confusions are listed, largest first.
    #expect(
      FakeSnapshot.boxed(ConfusionPane(), snapshot, width: 30, height: 4).lines == [
        "┌ Confusion ━ val epoch 2 ━… ┐",
        "│most confused (true→predicte│",
        "│c→a ×2        a→c ×1        │",
        "└────────────────────────────┘",
      ])
    // Two columns per class: shade blocks by the share of the row (a mistake's tenth fills one).
    #expect(
      FakeSnapshot.boxed(ConfusionPane(), snapshot, width: 11, height: 6).lines == [
        "┌ Confus… ┐",
        "│   a b c │",
        "│a  █ · █ │",
        "│b  · █ · │",
        "│c  █ · ▓ │",
        "└─────────┘",
      ])
  }

  @Test func filtersAreSignedShadeTiles() {
    // Filter 1 is [1, -0.5; 0, 0.25], filter 2 [-1, 0.5; 0.75, 0], scaled by the largest |w| = 1.
    let screen = FakeSnapshot.boxed(FiltersPane(), snapshot, width: 30, height: 5)
    #expect(
      screen.lines == [
        "┌ Filters ━ conv1 2×2×2 ━ |… ┐",
        "│██▒▒ ██▒▒                   │",
        "│  ░░ ▓▓                     │",
        "│                            │",
        "└────────────────────────────┘",
      ])
    #expect(screen.cell(x: 1, y: 1).style == Palette.positive)
    #expect(screen.cell(x: 3, y: 1).style == Palette.negative)
    #expect(screen.cell(x: 6, y: 1).style == Palette.negative)
    #expect(FiltersPane().title(snapshot, UIState()).map(\.text).joined() == "Filters ━ conv1 2×2×2 ━ |w| ≤ 1")
  }

  @Test func filtersThatDoNotFitAreCounted() {
    #expect(
      FakeSnapshot.boxed(FiltersPane(), snapshot, width: 8, height: 5).lines == [
        "┌ Fil… ┐",
        "│██▒▒  │",
        "│  ░░  │",
        "│+1 mo…│",
        "└──────┘",
      ])
  }
}

/// Switching the grid between the training curves and the validation pictures.
@Suite struct DashboardPageTests {
  @Test func validationPageShowsOnlyWhatTheRunHas() {
    let pictures = FakeSnapshot.pictures()
    #expect(DashboardPage.validation.grid(for: pictures) == [.samples, .confusion, .filters, .loss])
    var table = FakeSnapshot.tiny()  // iris: classification, no images, no convolution
    #expect(DashboardPage.validation.grid(for: table) == [.confusion, .loss, .accuracy, .learningRate])
    table.info.isClassification = false
    #expect(DashboardPage.validation.grid(for: table) == DashboardPage.training.grid(for: table))
    #expect(DashboardPage.training.grid(for: pictures) == [.loss, .accuracy, .learningRate, .gradientNorm])
  }

  @Test func vSwitchesPagesAndTabStaysOnThePage() {
    let snapshot = FakeSnapshot.pictures()
    var ui = UIState()
    ui.focus = .gradientNorm
    ui.zoomed = .gradientNorm
    _ = ui.apply(.character("v"), snapshot: snapshot)
    #expect(ui.page == .validation)
    // The focused pane is not on this page: focus and zoom move to its first pane.
    #expect(ui.focus == .samples && ui.zoomed == .samples)
    var visited: [PaneID] = []
    for _ in 0..<5 {
      _ = ui.apply(.tab, snapshot: snapshot)
      visited.append(ui.focus)
    }
    #expect(visited == [.confusion, .filters, .loss, .events, .samples])
    _ = ui.apply(.backTab, snapshot: snapshot)
    #expect(ui.focus == .events)
    _ = ui.apply(.character("v"), snapshot: snapshot)
    #expect(ui.page == .training && ui.focus == .events)
  }

  @Test func vSaysWhyWhenThereIsNothingToShow() {
    var regression = FakeSnapshot.tiny()
    regression.info.isClassification = false
    var ui = UIState()
    _ = ui.apply(.character("v"), snapshot: regression)
    #expect(ui.page == .training)
    #expect(ui.statusMessage == "no validation pictures for this run (they need classification, images or a convnet)")
  }

  @Test func theValidationPageRendersItsPanesInTheGrid() {
    var ui = UIState()
    ui.page = .validation
    let lines = render(FakeSnapshot.pictures(), ui, width: 80, height: 24).lines
    #expect(lines[2].hasPrefix("┌ Samples ━ epoch 2"))
    #expect(lines[2].contains("┬ Confusion ━ val epoch 2"))
    #expect(lines.contains { $0.hasPrefix("├ Filters ━ conv1 2×2×2") && $0.contains("┼ Loss") })
    let layout = DashboardLayout(
      width: 80, height: 24, grid: DashboardPage.validation.grid(for: FakeSnapshot.pictures()))
    #expect(Set(layout.panes.keys) == [.samples, .confusion, .filters, .loss, .events])
  }
}
