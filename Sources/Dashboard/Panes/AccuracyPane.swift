import Training

/// Train and validation accuracy per epoch (R² for regression).
public struct AccuracyPane: Pane {
  public init() {}

  /// `Accuracy ━ train 97.8% ━ val 97.1%`, or `R² ━ train 0.91 ━ val 0.89`.
  public func title(_ snapshot: TrainingSnapshot, _ ui: UIState) -> [Span] {
    let classification = snapshot.info.isClassification
    let format: @Sendable (Double) -> String = { value in
      classification ? AccuracyPane.percent(value) : Format.compact(value)
    }
    let last = snapshot.epochs.last
    return [Span(classification ? "Accuracy" : "R²", Palette.paneName)]
      + LossPane.legend("train", last?.trainMetric, Palette.train, format: format)
      + LossPane.legend("val", last?.validationMetric, Palette.validation, format: format)
  }

  /// An accuracy as a percentage with one decimal: `0.9781 → "97.8%"`.
  public static func percent(_ value: Double) -> String { Format.fixed(value * 100, decimals: 1) + "%" }

  /// The chart of the pane, built from the snapshot.
  public func chart(_ snapshot: TrainingSnapshot, _ ui: UIState) -> BrailleChart {
    let scale = XScale(mode: ui.xAxis, stepsPerEpoch: snapshot.info.stepsPerEpoch)
    return BrailleChart(
      series: snapshot.info.comparisons.enumerated().map {
        scale.series($1.epochs, \.validationMetric, style: Palette.ghost($0))
      } + [
        scale.series(snapshot.epochs, \.trainMetric, style: Palette.train),
        scale.series(snapshot.epochs, \.validationMetric, style: Palette.validation),
      ],
      robustRange: ui.robustRange, xUnit: ui.xAxis.unitName
    )
    .zoomed(ui.xZoom[.accuracy] ?? 0)
  }

  /// Draws the chart.
  public func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect) {
    chart(snapshot, ui).render(into: &screen, in: area)
  }
}
