import Training

/// The dashboard's pure rendering layer (no ncurses): `render` draws a frame into a `Screen`.
public enum Dashboard {
  /// The minimum terminal size the dashboard lays out in.
  public static let minimumSize = (width: 60, height: 16)

  /// The message shown when the terminal is smaller than `minimumSize`.
  public static func tooSmallMessage(width: Int, height: Int) -> String {
    "terminal too small: need \(minimumSize.width)×\(minimumSize.height), have \(width)×\(height)"
  }

  /// The frame that only says the terminal is too small, or nil when `width` × `height` is large
  /// enough to lay out (the run and the trials dashboards alike).
  public static func tooSmallScreen(width: Int, height: Int) -> Screen? {
    guard width < minimumSize.width || height < minimumSize.height else { return nil }
    var screen = Screen(width: width, height: height)
    let message = tooSmallMessage(width: width, height: height)
    let spot = screen.bounds.centered(width: message.count, height: 1)
    screen.put(message, x: spot.x, y: spot.y, style: Palette.error)
    return screen
  }

  /// The pane drawn for each pane identifier.
  public static func pane(_ id: PaneID) -> any Pane {
    switch id {
    case .loss: LossPane()
    case .accuracy: AccuracyPane()
    case .learningRate: LearningRatePane()
    case .gradientNorm: GradientNormPane()
    case .samples: SamplesPane()
    case .confusion: ConfusionPane()
    case .filters: FiltersPane()
    case .events: EventsPane()
    }
  }
}

/// Draws one frame of the dashboard: THE entry point of rendering. Pure and cheap.
///
/// - Parameters:
///   - snapshot: the latest snapshot, or nil before the trainer's first publish ("starting…").
///   - ui: focus, zoom, prompt, overlays and view options.
///   - width: the terminal's columns.
///   - height: the terminal's rows.
/// - Returns: the frame; below 60×16 it only says the terminal is too small.
public func render(_ snapshot: TrainingSnapshot?, _ ui: UIState, width: Int, height: Int) -> Screen {
  if let tooSmall = Dashboard.tooSmallScreen(width: width, height: height) { return tooSmall }
  var screen = Screen(width: width, height: height)
  let layout = DashboardLayout(
    width: width, height: height, zoomed: ui.zoomed, grid: ui.page.grid(for: snapshot),
    folds: snapshot?.info.crossValidation != nil)
  if let snapshot {
    drawDashboard(snapshot, ui, layout, into: &screen)
  } else {
    drawStarting(ui, layout, into: &screen)
  }
  if let result = snapshot?.lrFinder { LRFinderOverlay.draw(result, ui: ui, into: &screen) }
  if let picker = ui.comparePicker { ComparePickerOverlay.draw(picker, into: &screen) }
  if ui.showsHelp { HelpOverlay.draw(into: &screen, ui: ui) }
  return screen
}

/// Header, boxes (borders, focus, titles, content), status message, footer.
private func drawDashboard(
  _ snapshot: TrainingSnapshot, _ ui: UIState, _ layout: DashboardLayout, into screen: inout Screen
) {
  HeaderPane().render(snapshot, ui, into: &screen, in: layout.header)
  let boxes = PaneID.allCases.compactMap { id in layout.panes[id].map { (id, $0) } }
  // All borders first so shared edges merge into joins, then the focused one over them, then titles.
  for (_, rect) in boxes { screen.border(rect, style: Palette.border) }
  if let early = layout.earlyStopping { screen.border(early, style: Palette.border) }
  if let focused = layout.panes[ui.focus] { screen.border(focused, style: Palette.focus) }
  for (id, rect) in boxes {
    let pane = Dashboard.pane(id)
    screen.title(pane.title(snapshot, ui), on: rect)
    pane.render(snapshot, ui, into: &screen, in: rect.inset(by: 1))
  }
  if let early = layout.earlyStopping {
    let pane = EarlyStoppingPane()
    screen.title(pane.title(snapshot, ui), on: early)
    pane.render(snapshot, ui, into: &screen, in: early.inset(by: 1))
  }
  if let folds = layout.folds, let status = snapshot.info.crossValidation {
    screen.border(folds, style: Palette.border)
    screen.title(FoldsPane.title(status), on: folds)
    FoldsPane.draw(status, into: &screen, in: folds.inset(by: 1))
  }
  if let message = ui.statusMessage { screen.bottomTitle([Span(message, Style(.yellow))], on: layout.body) }
  FooterPane().render(snapshot, ui, into: &screen, in: layout.footer)
}

/// Before the first snapshot: the name, `STARTING`, one empty box saying `starting…`, the footer.
private func drawStarting(_ ui: UIState, _ layout: DashboardLayout, into screen: inout Screen) {
  screen.put("traintop", x: 0, y: 0, style: .strong)
  let state = HeaderPane.state(.starting)
  screen.put(state.text, x: layout.header.maxX - state.text.count, y: 0, style: state.style)
  screen.border(layout.body, style: Palette.border)
  let message = "starting…"
  let spot = layout.body.centered(width: message.count, height: 1)
  screen.put(message, x: spot.x, y: spot.y, style: Palette.secondary)
  FooterPane.draw(ui, paused: false, into: &screen, in: layout.footer)
}
