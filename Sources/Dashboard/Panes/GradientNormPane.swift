import Training

/// The global gradient norm per step with the clip threshold, and per-layer norms as bars.
public struct GradientNormPane: Pane {
  /// The narrowest content that shows the layer bars beside the chart.
  static let minimumWidthForBars = 48

  public init() {}

  /// `Gradient norm 0.84 · clip 5.0` (or `clip off`).
  public func title(_ snapshot: TrainingSnapshot, _ ui: UIState) -> [Span] {
    let latest = snapshot.gradientNorm.last.map { " " + Format.compact($0) } ?? ""
    let clipNorm = snapshot.hyperparameters[.clipNorm]
    let clip = "clip " + Hyperparameter.clipNorm.format(clipNorm)
    return [
      Span("Gradient norm", Palette.paneName), Span(latest), Span(" · ", Palette.secondary),
      Span(clip, clipNorm == nil ? Palette.secondary : Palette.clip),
    ]
  }

  /// The chart of the pane, built from the snapshot.
  public func chart(_ snapshot: TrainingSnapshot, _ ui: UIState) -> BrailleChart {
    let scale = XScale(mode: ui.xAxis, stepsPerEpoch: snapshot.info.stepsPerEpoch)
    return BrailleChart(
      series: [scale.series(snapshot.gradientNorm, style: Palette.gradient, spanStyle: Palette.span)],
      rules: snapshot.hyperparameters[.clipNorm].map { [ChartRule(y: $0, style: Palette.clip)] } ?? [],
      robustRange: ui.robustRange, xUnit: ui.xAxis.unitName
    )
    .zoomed(ui.xZoom[.gradientNorm] ?? 0)
  }

  /// Draws the chart, with the layer bars on the right when there is room.
  public func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect) {
    let layers = snapshot.layerGradientNorms
    guard !layers.isEmpty, area.width >= GradientNormPane.minimumWidthForBars else {
      return chart(snapshot, ui).render(into: &screen, in: area)
    }
    let barsWidth = min(36, max(26, area.width / 3))
    let parts = area.split(.horizontal, [.ratio(1), .fixed(1), .fixed(barsWidth)])
    chart(snapshot, ui).render(into: &screen, in: parts[0])
    GradientNormPane.drawLayerBars(layers, frozen: Set(snapshot.info.frozenLayers), into: &screen, in: parts[2])
  }

  /// One row per layer: `name ▕████▌   ▏ 0.41`, scaled to the largest norm (a `--freeze` layer:
  /// `name ▕frozen  ▏ 0.41`, its gradient still computed for the layers below); `+k more` when cut.
  public static func drawLayerBars(
    _ layers: [(name: String, norm: Double)], frozen: Set<String> = [], into screen: inout Screen, in area: Rect
  ) {
    guard !area.isEmpty else { return }
    let largest = layers.map(\.norm).filter(\.isFinite).max() ?? 0
    let nameWidth = min(layers.map(\.name.count).max() ?? 0, max(4, area.width / 2))
    let valueWidth = 5
    let barWidth = area.width - nameWidth - valueWidth - 3  // " ▕" and "▏"
    let shown = layers.count <= area.height ? layers.count : max(0, area.height - 1)
    for (row, layer) in layers.prefix(shown).enumerated() {
      let y = area.y + row
      var x = screen.put(layer.name.truncated(to: nameWidth).rightPadded(to: nameWidth), x: area.x, y: y)
      x = screen.put(" ▕", x: x, y: y, style: Palette.secondary)
      let fraction = largest > 0 && layer.norm.isFinite ? layer.norm / largest : 0
      if frozen.contains(layer.name) {
        x = screen.put(
          "frozen".truncated(to: max(0, barWidth)).rightPadded(to: max(0, barWidth)), x: x, y: y,
          style: Palette.secondary)
      } else {
        x = screen.put(ProgressBar.text(fraction, width: max(0, barWidth)), x: x, y: y, style: Palette.bar)
      }
      x = screen.put("▏", x: x, y: y, style: Palette.secondary)
      let value = Format.compact(layer.norm, significantDigits: 2).leftPadded(to: valueWidth)
      screen.put(value, x: x, y: y, style: layer.norm.isFinite ? .plain : Palette.error, maxWidth: area.maxX - x)
    }
    if shown < layers.count {
      screen.put(
        "+\(layers.count - shown) more", x: area.x, y: area.y + shown, style: Palette.secondary, maxWidth: area.width)
    }
  }
}
