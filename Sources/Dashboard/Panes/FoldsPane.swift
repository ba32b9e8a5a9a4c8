import Search
import Training

/// `--folds`: the finished folds' results, the fold training now, and the mean ± standard
/// deviation so far (ddof 0, as the end-of-run table), beside the events.
public enum FoldsPane {
  /// `Folds · 3/5`.
  public static func title(_ status: CrossValidationStatus) -> [Span] {
    [Span("Folds", Palette.paneName), Span(" · \(status.fold)/\(status.folds)", Palette.secondary)]
  }

  /// A row per finished fold (the newest that fit), this fold's row, then the mean ± std.
  public static func draw(_ status: CrossValidationStatus, into screen: inout Screen, in area: Rect) {
    guard !area.isEmpty else { return }
    let monitor = status.finished.first?.monitor ?? "best"
    screen.put("fold  \(monitor)  epochs", x: area.x, y: area.y, style: Palette.paneName, maxWidth: area.width)
    let summary = area.height >= 3 && !status.finished.isEmpty
    let room = max(0, area.height - 2 - (summary ? 1 : 0))
    var y = area.y + 1
    for fold in status.finished.suffix(room) {
      let line =
        "\(fold.fold)".rightPadded(to: 6) + Format.fixed(fold.value, decimals: 4).rightPadded(to: monitor.count + 2)
        + "\(fold.epochs)"
      screen.put(line, x: area.x, y: y, maxWidth: area.width)
      y += 1
    }
    if y < area.maxY {
      screen.put("\(status.fold)".rightPadded(to: 6) + "training…", x: area.x, y: y, style: Style(.green))
      y += 1
    }
    if summary, y < area.maxY {
      let spread = MeanDeviation(status.finished.map(\.value))
      let text =
        "mean  \(Format.fixed(spread.mean, decimals: 4)) ± \(Format.fixed(spread.std, decimals: 4))"
      screen.put(text, x: area.x, y: y, style: .strong, maxWidth: area.width)
    }
  }
}
