import Training

extension KeyMap {
  /// What a click or wheel turn means where it happened: a click focuses the pane under it (a
  /// double click zooms it too, or back out), a click on a footer hint acts as its key, the wheel
  /// zooms a chart's x range in and out, and scrolls the events.
  static func mouseActions(for event: MouseEvent, ui: UIState, snapshot: TrainingSnapshot?) -> [Action] {
    if ui.showsHelp { return event.kind == .click ? [.toggleHelp] : [] }
    if event.y == ui.screenHeight - 1 {
      guard event.kind == .click,
        let binding = FooterPane.binding(
          atColumn: event.x, width: ui.screenWidth, ui: ui, paused: snapshot?.status == .paused),
        let key = binding.keys(in: ui).first
      else { return [] }
      return actions(for: key, ui: ui, snapshot: snapshot)
    }
    let layout = DashboardLayout(
      width: ui.screenWidth, height: ui.screenHeight, zoomed: ui.zoomed, grid: ui.page.grid(for: snapshot),
      folds: snapshot?.info.crossValidation != nil)
    guard let pane = layout.panes.first(where: { $0.value.contains(x: event.x, y: event.y) })?.key else { return [] }
    switch event.kind {
    case .click: return [.focusPane(pane)]
    case .doubleClick: return [.focusPane(pane), .toggleZoom]
    case .wheelUp: return pane == .events ? [.scrollEvents(1)] : pane.isChart ? [.zoomX(pane, 1)] : []
    case .wheelDown: return pane == .events ? [.scrollEvents(-1)] : pane.isChart ? [.zoomX(pane, -1)] : []
    }
  }
}
