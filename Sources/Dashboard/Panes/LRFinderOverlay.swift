import Foundation
import Training

/// The LR finder's result over the dashboard: smoothed loss against log10 of the rate, the chosen
/// suggestion marked `▼`, and the suggestions to pick from (←/→), Enter to apply, Esc to discard.
public enum LRFinderOverlay {
  /// Draws the overlay centred on `screen`, clearing what is under it.
  public static func draw(_ result: LRFinderResult, ui: UIState, into screen: inout Screen) {
    let width = min(screen.width - 4, 90)
    let height = min(screen.height - 4, 20)
    guard width >= 20, height >= 6 else { return }
    let inside = screen.dialog(
      width: width, height: height, name: "LR finder",
      hint: "from step \(result.step) · ←/→ choose · enter applies · esc discards"
    ).inset(by: 1)
    let chosen = min(max(0, ui.suggestionChoice), max(0, result.suggestions.count - 1))
    let chart = Rect(x: inside.x, y: inside.y, width: inside.width, height: inside.height - 1)
    self.chart(result, chosen: chosen).render(into: &screen, in: chart)
    screen.put(choices(result, chosen: chosen), x: inside.x, y: inside.maxY - 1, maxWidth: inside.width)
  }

  /// The curve, with `▼` over the chosen suggestion.
  static func chart(_ result: LRFinderResult, chosen: Int) -> BrailleChart {
    let series = ChartSeries(xs: result.curve.rates.map(log10), ys: result.curve.losses, style: Palette.step)
    let markers =
      result.suggestions.indices.contains(chosen)
      ? [ChartMarker(x: log10(result.suggestions[chosen].rate), character: "▼", style: Palette.change)] : []
    return BrailleChart(series: [series], markers: markers, xUnit: "log10 lr")
  }

  /// `valley 2.5e-3 · steep 1.3e-2 · …` with the chosen one in reverse video.
  static func choices(_ result: LRFinderResult, chosen: Int) -> [Span] {
    guard !result.suggestions.isEmpty else {
      return [Span("no suggestion: the loss diverged at once (enter or esc closes)", Palette.error)]
    }
    var spans: [Span] = []
    for (index, suggestion) in result.suggestions.enumerated() {
      if index > 0 { spans.append(Span(" · ", Palette.secondary)) }
      let text = "\(suggestion.rule.rawValue) \(Format.rate(suggestion.rate))"
      spans.append(Span(text, index == chosen ? Style(.yellow, bold: true, reverse: true) : .plain))
    }
    return spans
  }
}
