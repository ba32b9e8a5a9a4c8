import Dashboard
import Testing

@Suite struct ProgressBarTests {
  @Test func progressBarFillsEighthsOfCells() {
    #expect(ProgressBar.text(0.5, width: 4) == "██  ")
    #expect(ProgressBar.text(0, width: 4) == "    ")
    #expect(ProgressBar.text(1, width: 4) == "████")
    // 0.42 × 10 cells × 8 = 33.6 eighths → 34: 4 full cells and 2/8.
    #expect(ProgressBar.text(0.42, width: 10) == "████▎     ")
    let partials = (1...7).map { ProgressBar.text(Double($0) / 8, width: 1) }
    #expect(partials == ["▏", "▎", "▍", "▌", "▋", "▊", "▉"])
    #expect(ProgressBar.text(1.5, width: 3) == "███")
    #expect(ProgressBar.text(-1, width: 3) == "   ")
    #expect(ProgressBar.text(.nan, width: 2) == "  ")
    #expect(ProgressBar.text(0.5, width: 0) == "")
  }

  @Test func truncationEndsInAnEllipsis() {
    #expect("hello world".truncated(to: 5) == "hell…")
    #expect("hello".truncated(to: 5) == "hello")
    #expect("hello".truncated(to: 0) == "")
    let spans = [Span("abc"), Span("defg", Style(.red))]
    #expect([Span("abc"), Span("defg")].truncated(to: 7).plainText == "abcdefg")
    #expect(spans.truncated(to: 5).plainText == "abcd…")
    #expect(spans.truncated(to: 3).plainText == "ab…")
    #expect(spans.truncated(to: 5)[1].style == Style(.red))
  }
}
