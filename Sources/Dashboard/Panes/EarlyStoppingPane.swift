import Training

/// Early stopping's live state: the monitor, the best epoch and value, and patience counting down.
public struct EarlyStoppingPane: Pane {
  public init() {}

  /// `Early stopping`.
  public func title(_ snapshot: TrainingSnapshot, _ ui: UIState) -> [Span] {
    [Span("Early stopping", Palette.paneName)]
  }

  /// One line: `val_loss · best 0.0812 at epoch 4 · patience 3/10 ▕███       ▏`, or `off`.
  public func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect) {
    guard !area.isEmpty else { return }
    screen.put(
      EarlyStoppingPane.line(snapshot.earlyStopping, width: area.width), x: area.x, y: area.y, maxWidth: area.width)
  }

  /// The pane's line as styled spans.
  public static func line(_ status: EarlyStoppingStatus?, width: Int) -> [Span] {
    guard let status else { return [Span("off", Palette.secondary)] }
    var spans = [Span(status.monitor, .strong)]
    if let value = status.bestValue {
      let epoch = status.bestEpoch.map { " at epoch \($0)" } ?? ""
      spans += [Span(" · ", Palette.secondary), Span("best " + Format.compact(value, significantDigits: 4) + epoch)]
    } else {
      spans += [Span(" · ", Palette.secondary), Span("no best yet", Palette.secondary)]
    }
    let fraction = status.patience > 0 ? Double(status.patienceLeft) / Double(status.patience) : 0
    let urgency = fraction > 0.5 ? Style(.green) : (status.patienceLeft > 1 ? Style(.yellow) : Style(.red, bold: true))
    spans += [Span(" · ", Palette.secondary), Span("patience \(status.patienceLeft)/\(status.patience)", urgency)]
    let barWidth = min(20, width - spans.width - 3)
    if barWidth >= 4 {
      spans += [
        Span(" ▕", Palette.secondary), Span(ProgressBar.text(fraction, width: barWidth), urgency),
        Span("▏", Palette.secondary),
      ]
    }
    return spans
  }
}
