import Training

/// The learning rate's history, the schedule's upcoming rates (dimmed) and ▼ where the user changed it.
public struct LearningRatePane: Pane {
  public init() {}

  /// `Learning rate 1.0e-3 · cosine, warmup 1`, plus `▼ changed` when the user changed it.
  public func title(_ snapshot: TrainingSnapshot, _ ui: UIState) -> [Span] {
    var spans = [
      Span("Learning rate", Palette.paneName),
      Span(" " + Hyperparameter.learningRate.format(snapshot.hyperparameters[.learningRate])),
      Span(" · " + snapshot.scheduleDescription, Palette.secondary),
    ]
    if !snapshot.learningRateChanges.isEmpty {
      spans += [Span(" ▼", Palette.change), Span(" changed", Palette.secondary)]
    }
    return spans
  }

  /// The chart of the pane, built from the snapshot.
  public func chart(_ snapshot: TrainingSnapshot, _ ui: UIState) -> BrailleChart {
    let scale = XScale(mode: ui.xAxis, stepsPerEpoch: snapshot.info.stepsPerEpoch)
    let upcoming = ChartSeries(
      xs: snapshot.upcomingLearningRate.map { scale.x(step: Double($0.step)) },
      ys: snapshot.upcomingLearningRate.map(\.rate), style: Palette.upcoming)
    return BrailleChart(
      series: snapshot.info.comparisons.enumerated().map { scale.series($1.learningRate, style: Palette.ghost($0)) } + [
        upcoming, scale.series(snapshot.learningRate, style: Palette.learningRate),
      ],
      markers: snapshot.learningRateChanges.map {
        ChartMarker(x: scale.x(step: Double($0)), character: "▼", style: Palette.change)
      },
      xUnit: ui.xAxis.unitName
    )
    .zoomed(ui.xZoom[.learningRate] ?? 0)
  }

  /// Draws the chart.
  public func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect) {
    chart(snapshot, ui).render(into: &screen, in: area)
  }
}
