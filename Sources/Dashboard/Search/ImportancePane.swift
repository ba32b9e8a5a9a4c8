import Search
import Training

/// Each parameter's importance, most important first, as bars: |Spearman ρ| between a number's
/// values and the objective, the correlation ratio η for a choice (over the complete trials).
enum ImportancePane {
  /// The method, named in the pane's title (and spelt out on its last row) and the README.
  static let method = "Spearman |ρ|, η"
  static let legend = "ρ: numbers · η: choices"

  static func title() -> [Span] {
    [Span("importance", Palette.paneName), Span(" · \(method)", Palette.secondary)]
  }

  /// Draws `ranking` (`ParameterImportance.rank` of the trials so far).
  static func draw(_ ranking: [(name: String, importance: Double)], into screen: inout Screen, in area: Rect) {
    guard !ranking.isEmpty else {
      screen.put("after 3 complete trials".truncated(to: area.width), x: area.x, y: area.y, style: .faint)
      return
    }
    let nameWidth = min(12, ranking.map(\.name.count).max() ?? 0)
    let barWidth = max(1, area.width - nameWidth - 7)
    let legendRow = area.height >= ranking.count + 2
    if legendRow {
      screen.put(legend.truncated(to: area.width), x: area.x, y: area.maxY - 1, style: Palette.secondary)
    }
    for (row, entry) in ranking.prefix(area.height).enumerated() {
      let y = area.y + row
      var x = screen.put(entry.name.truncated(to: nameWidth).rightPadded(to: nameWidth + 1), x: area.x, y: y)
      let value = entry.importance.isFinite ? min(1, max(0, entry.importance)) : 0
      x = screen.put(ProgressBar.text(value, width: barWidth), x: x, y: y, style: Palette.bar, maxWidth: area.maxX - x)
      screen.put(" " + Format.fixed(value, decimals: 2), x: x, y: y, style: Palette.secondary, maxWidth: area.maxX - x)
    }
  }
}
