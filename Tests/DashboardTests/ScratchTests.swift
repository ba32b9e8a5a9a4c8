import Dashboard
import Testing

@Suite struct ScratchTests {
  @Test func dump() {
    var ui = UIState()
    ui.statusMessage = "lr ×1.25"
    for (w, h) in [(120, 40), (60, 16)] {
      let screen = render(FakeSnapshot.mnist(), ui, width: w, height: h)
      print(screen.lines.joined(separator: "\n"))
    }
    ui.showsHelp = true
    print(render(FakeSnapshot.mnist(), ui, width: 120, height: 40).lines.joined(separator: "\n"))
  }
}
