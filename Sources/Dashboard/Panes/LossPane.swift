import Training

/// Train loss per step (EMA-smoothed over the faint raw line) and train/validation loss per epoch.
public struct LossPane: Pane {
  public init() {}

  /// `Loss (log, smoothing 0.6) ━ step ━ train 0.25 ━ val 0.27`: options first, so they survive truncation.
  public func title(_ snapshot: TrainingSnapshot, _ ui: UIState) -> [Span] {
    var options = ui.logScale ? ["log"] : []
    if ui.robustRange { options.append("robust") }
    options.append("smoothing " + Format.compact(ui.smoothing))
    return [Span("Loss", Palette.paneName), Span(" (" + options.joined(separator: ", ") + ")", Palette.secondary)]
      + LossPane.legend("step", nil, Palette.step)
      + LossPane.legend("train", snapshot.epochs.last?.trainLoss, Palette.train)
      + LossPane.legend("val", snapshot.epochs.last?.validationLoss, Palette.validation)
  }

  /// A legend entry: ` ━ name value`.
  static func legend(
    _ name: String, _ value: Double?, _ style: Style, format: (Double) -> String = { Format.compact($0) }
  )
    -> [Span]
  {
    [Span(" ━", style), Span(" " + name + (value.map { " " + format($0) } ?? ""))]
  }

  /// The chart of the pane, built from the snapshot.
  public func chart(_ snapshot: TrainingSnapshot, _ ui: UIState) -> BrailleChart {
    let scale = XScale(mode: ui.xAxis, stepsPerEpoch: snapshot.info.stepsPerEpoch)
    let smoothed = Smoothing.ema(snapshot.stepLoss.buckets.map(\.mean), weight: ui.smoothing)
    let raw = scale.series(snapshot.stepLoss, style: Palette.raw)
    let ghosts = snapshot.info.comparisons.enumerated().flatMap { index, run in
      let style = Palette.ghost(index)
      let steps = scale.series(run.stepLoss, style: style)
      return [
        steps.with(ys: Smoothing.ema(run.stepLoss.buckets.map(\.mean), weight: ui.smoothing), style: style),
        scale.series(run.epochs, \.validationLoss, style: style),
      ]
    }
    let series =
      ghosts + [
        raw, raw.with(ys: smoothed, style: Palette.step),
        scale.series(snapshot.epochs, \.trainLoss, style: Palette.train),
        scale.series(snapshot.epochs, \.validationLoss, style: Palette.validation),
      ]
    return BrailleChart(
      series: series, logScale: ui.logScale, robustRange: ui.robustRange, xUnit: ui.xAxis.unitName
    )
    .zoomed(ui.xZoom[.loss] ?? 0)
  }

  /// Draws the chart.
  public func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect) {
    chart(snapshot, ui).render(into: &screen, in: area)
  }
}
