import Testing
import Training

@testable import Dashboard

/// Clicks and the wheel, mapped through the layout of an 80×24 screen: the training grid's cells
/// are loss (top left), accuracy (top right), learning rate and gradient norm (middle), then the
/// early-stopping line, the events and the footer on row 23.
@Suite struct MouseTests {
  let snapshot = FakeSnapshot.mnist(status: .running)

  func ui() -> UIState {
    var ui = UIState()
    ui.screenWidth = 80
    ui.screenHeight = 24
    return ui
  }

  func press(_ ui: inout UIState, x: Int, y: Int, _ kind: MouseEvent.Kind) -> [AppRequest] {
    ui.apply(.mouse(MouseEvent(x: x, y: y, kind: kind)), snapshot: snapshot)
  }

  @Test func aClickFocusesThePaneUnderIt() {
    var ui = ui()
    let layout = DashboardLayout(width: 80, height: 24)
    let gradient = layout.panes[.gradientNorm]!
    _ = press(&ui, x: gradient.x + 3, y: gradient.y + 2, .click)
    #expect(ui.focus == .gradientNorm && ui.zoomed == nil)
    let events = layout.panes[.events]!
    _ = press(&ui, x: events.x + 10, y: events.y + 1, .click)
    #expect(ui.focus == .events)
  }

  @Test func aDoubleClickZoomsAndAnotherUnzooms() {
    var ui = ui()
    let accuracy = DashboardLayout(width: 80, height: 24).panes[.accuracy]!
    _ = press(&ui, x: accuracy.x + 5, y: accuracy.y + 3, .doubleClick)
    #expect(ui.focus == .accuracy && ui.zoomed == .accuracy)
    _ = press(&ui, x: 10, y: 10, .doubleClick)  // the zoomed pane fills the body
    #expect(ui.zoomed == nil)
  }

  @Test func theWheelZoomsAChartsXRangeAndScrollsTheEvents() {
    var ui = ui()
    let loss = DashboardLayout(width: 80, height: 24).panes[.loss]!
    _ = press(&ui, x: loss.x + 5, y: loss.y + 3, .wheelUp)
    _ = press(&ui, x: loss.x + 5, y: loss.y + 3, .wheelUp)
    #expect(ui.xZoom[.loss] == 2)
    #expect(ui.statusMessage == "x range: the newest 1/4")
    _ = press(&ui, x: loss.x + 5, y: loss.y + 3, .wheelDown)
    #expect(ui.xZoom[.loss] == 1 && ui.xZoom[.accuracy] == nil)
    for _ in 0..<3 { _ = press(&ui, x: loss.x + 5, y: loss.y + 3, .wheelDown) }
    #expect(ui.xZoom[.loss] == nil)  // never below "all"
    let events = DashboardLayout(width: 80, height: 24).panes[.events]!
    _ = press(&ui, x: events.x + 5, y: events.y + 1, .wheelUp)
    #expect(ui.eventScroll == 1)
  }

  @Test func aClickOnAFooterHintActsAsItsKey() {
    var ui = ui()
    // The footer begins `q quit · space pause · n step · …`: columns 9–19 are `space pause`.
    #expect(press(&ui, x: 12, y: 23, .click) == [.send(.pause, .key)])
    #expect(press(&ui, x: 7, y: 23, .click) == [])  // the separator between hints
    _ = press(&ui, x: 2, y: 23, .click)
    #expect(ui.confirmingQuit)  // `q quit` asks first while training
    // `? help` stays at the right end when the line is cut.
    var fresh = self.ui()
    _ = press(&fresh, x: 78, y: 23, .click)
    #expect(fresh.showsHelp)
    _ = press(&fresh, x: 40, y: 10, .click)  // a click anywhere closes the help
    #expect(!fresh.showsHelp)
  }

  @Test func aZoomedChartShowsTheNewestPartOfItsRange() {
    #expect(BrailleChart.newest(of: 0...800, zoom: 0) == 0...800)
    #expect(BrailleChart.newest(of: 0...800, zoom: 1) == 400...800)
    #expect(BrailleChart.newest(of: 0...800, zoom: 3) == 700...800)
    var ui = ui()
    ui.xZoom[.loss] = 1
    #expect(LossPane().chart(snapshot, ui).xZoom == 1)
    #expect(LossPane().chart(snapshot, self.ui()).xZoom == 0)
  }

  @Test func colourFollowsTheModeAndNoColor() {
    #expect(ColorMode.auto.usesColor(terminalHasColors: true, noColor: nil))
    #expect(ColorMode.auto.usesColor(terminalHasColors: true, noColor: ""))  // empty: as if unset
    #expect(!ColorMode.auto.usesColor(terminalHasColors: true, noColor: "1"))
    #expect(ColorMode.always.usesColor(terminalHasColors: true, noColor: "1"))
    #expect(!ColorMode.always.usesColor(terminalHasColors: false, noColor: nil))
    #expect(!ColorMode.never.usesColor(terminalHasColors: true, noColor: nil))
  }
}
