import Testing
import Training

@testable import Dashboard

/// Inputs that once trapped: combining characters in the prompt, diverged values in charts.
@Suite struct RobustnessTests {
  /// A combining accent merges with the previous character; the cursor must stay inside the text.
  @Test func promptSurvivesCombiningCharacters() {
    var ui = UIState()
    let snapshot = FakeSnapshot.mnist()
    _ = ui.apply(.character(":"), snapshot: snapshot)
    for key in ["l", "r", "e", "\u{301}", "x"].map({ Key.character(Character($0)) }) + [
      .backspace, .backspace, .backspace,
    ] {
      _ = ui.apply(key, snapshot: snapshot)
    }
    #expect(ui.prompt.cursor <= ui.prompt.text.count)
    #expect(ui.prompt.text == "l")  // "l", "r", "é", "x" minus three deletions
  }

  /// A loss that diverged to 1e30 (finite) with the robust range on draws instead of trapping.
  @Test func robustRangeSurvivesHugeFiniteOutliers() {
    var values = (0..<60).map { Double($0 % 7) }
    values[30] = 1e30
    values[31] = -1e30
    let chart = BrailleChart(series: [ChartSeries(values: values)], robustRange: true)
    var screen = Screen(width: 40, height: 8)
    chart.render(into: &screen, in: screen.bounds)
    let braille = screen.lines.joined().unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
    #expect(braille.count > 10)
    #expect(BrailleChart.roundedToInt(1e30) == Int(Int32.max))
    #expect(BrailleChart.roundedToInt(-.infinity) == Int(Int32.min))
    #expect(BrailleChart.roundedToInt(.nan) == 0)
    #expect(BrailleChart.roundedToInt(2.5) == 3 && BrailleChart.roundedToInt(-2.5) == -3)
  }
}
