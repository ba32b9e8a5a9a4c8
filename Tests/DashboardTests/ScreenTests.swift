import Dashboard
import Testing

@Suite struct ScreenTests {
  @Test func putClipsToTheScreenAndReturnsTheNextColumn() {
    var screen = Screen(width: 5, height: 2)
    let next = screen.put("hello world", x: 2, y: 0)
    screen.put("hello", x: -2, y: 1, style: Style(.red))
    screen.put("ignored", x: 0, y: 5)
    #expect(screen.lines == ["  hel", "llo  "])
    #expect(next == 13)
    #expect(screen.cell(x: 0, y: 1) == Cell("l", style: Style(.red)))
    #expect(screen.cell(x: 9, y: 9) == .blank)
    var limited = Screen(width: 6, height: 1)
    limited.put("abcdef", x: 1, y: 0, maxWidth: 3)
    #expect(limited.lines == [" abc  "])
  }

  @Test func combiningMarksTakeNoColumnOfTheirOwn() {
    // "é" written as e + U+0301 (decomposed), and "q̃" (no precomposed form): one column each, as
    // `String.count` (which layout uses) counts them, so what follows stays in its column.
    var screen = Screen(width: 8, height: 1)
    let text = "ae\u{301}q\u{303}|"
    let next = screen.put(text, x: 0, y: 0)
    #expect(next == text.count)
    #expect(next == 4)
    #expect(screen.lines == ["aéq|    "])
    #expect(screen.cell(x: 1, y: 0).scalar == "\u{E9}")  // composed to the single scalar é
    #expect(screen.cell(x: 3, y: 0).character == "|")
  }

  @Test func fillCoversTheRectangleClipped() {
    var screen = Screen(width: 4, height: 3)
    screen.fill(Rect(x: 2, y: 1, width: 5, height: 5), character: "#", style: Style(.blue))
    #expect(screen.lines == ["    ", "  ##", "  ##"])
    #expect(screen.cell(x: 3, y: 2).style == Style(.blue))
  }

  @Test func boxesSharingEdgesMergeIntoJoins() {
    var screen = Screen(width: 7, height: 5)
    screen.box(Rect(x: 0, y: 0, width: 4, height: 3))
    screen.box(Rect(x: 3, y: 0, width: 4, height: 3))
    screen.box(Rect(x: 0, y: 2, width: 7, height: 3))
    #expect(screen.lines == ["┌──┬──┐", "│  │  │", "├──┴──┤", "│     │", "└─────┘"])
    var cross = Screen(width: 5, height: 5)
    for (x, y) in [(0, 0), (2, 0), (0, 2), (2, 2)] { cross.box(Rect(x: x, y: y, width: 3, height: 3)) }
    #expect(cross.lines == ["┌─┬─┐", "│ │ │", "├─┼─┤", "│ │ │", "└─┴─┘"])
  }

  @Test func titlesSitInTheTopEdgeAndAreTruncated() {
    var screen = Screen(width: 12, height: 3)
    screen.box(Rect(x: 0, y: 0, width: 12, height: 3), title: "Loss", style: Style(.cyan))
    #expect(screen.lines == ["┌ Loss ────┐", "│          │", "└──────────┘"])
    #expect(screen.cell(x: 0, y: 0).style == Style(.cyan))
    var narrow = Screen(width: 8, height: 2)
    narrow.box(Rect(x: 0, y: 0, width: 8, height: 2), title: "Learning")
    #expect(narrow.lines == ["┌ Lea… ┐", "└──────┘"])
    var bottom = Screen(width: 12, height: 2)
    bottom.border(bottom.bounds)
    bottom.bottomTitle([Span("saved")], on: bottom.bounds)
    #expect(bottom.lines == ["┌──────────┐", "└─── saved ┘"])
  }

  @Test func splitServesFixedPartsThenSharesTheRestByWeight() {
    let parts = Rect(x: 0, y: 0, width: 10, height: 2).split(.horizontal, [.fixed(3), .ratio(1), .ratio(1)])
    #expect(parts.map(\.x) == [0, 3, 7])
    #expect(parts.map(\.width) == [3, 4, 3])  // the remainder goes to the first ratio part
    let shared = Rect(x: 0, y: 0, width: 9, height: 1).split(.horizontal, [.ratio(1), .ratio(1)], overlap: 1)
    #expect(shared == [Rect(x: 0, y: 0, width: 5, height: 1), Rect(x: 4, y: 0, width: 5, height: 1)])
    let rows = Rect(x: 2, y: 1, width: 4, height: 10).split(.vertical, [.ratio(2), .fixed(4), .ratio(1)])
    #expect(rows.map(\.y) == [1, 5, 9])
    #expect(rows.map(\.height) == [4, 4, 2])
    #expect(Rect(x: 0, y: 0, width: 10, height: 10).inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 8))
    #expect(
      Rect(x: 0, y: 0, width: 10, height: 4).centered(width: 4, height: 2) == Rect(x: 3, y: 1, width: 4, height: 2))
  }

  @Test func boxDrawingMapsDirectionsToCharacters() {
    #expect(BoxDrawing([.left, .right, .up, .down]).character == "┼")
    #expect(BoxDrawing("├") == [.up, .down, .right])
    #expect(BoxDrawing("x") == nil)
  }
}
