import Dashboard
import Testing

@Suite struct ScratchTests {
  @Test func dump() {
    let s = FakeSnapshot.tiny()
    var ui = UIState()
    func show(_ screen: Screen) { print(screen.lines.map { "\"" + $0 + "\"," }.joined(separator: "\n")); print("") }
    show(FakeSnapshot.boxed(LossPane(), s, width: 44, height: 8))
    ui.logScale = true
    show(FakeSnapshot.boxed(LossPane(), s, ui, width: 44, height: 8))
    show(FakeSnapshot.boxed(AccuracyPane(), s, width: 44, height: 6))
    var r = s; r.info.isClassification = false
    show(FakeSnapshot.boxed(AccuracyPane(), r, width: 44, height: 6))
    show(FakeSnapshot.boxed(LearningRatePane(), s, width: 48, height: 7))
    show(FakeSnapshot.boxed(GradientNormPane(), s, width: 64, height: 7))
    show(FakeSnapshot.boxed(EarlyStoppingPane(), s, width: 60, height: 3))
    show(FakeSnapshot.boxed(EventsPane(utcOffsetSeconds: 0), FakeSnapshot.mnist(), width: 60, height: 4))
    var screen = Screen(width: 100, height: 2)
    HeaderPane().render(s, UIState(), into: &screen, in: screen.bounds)
    show(screen)
  }
}
