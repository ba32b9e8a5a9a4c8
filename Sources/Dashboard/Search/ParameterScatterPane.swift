import Search
import Training

/// The objective against one parameter's value over the complete trials (the survey's
/// sensitivity analysis): a log axis for a log range, one column per choice; the best trial's dot
/// highlighted, the selected one's cyan.
enum ParameterScatterPane {
  static func title(_ parameter: SearchSpace.Parameter, importance: Double?) -> [Span] {
    var spans = [Span(parameter.name, Palette.paneName)]
    if parameter.distribution.isLog { spans.append(Span(" · log x", Palette.secondary)) }
    if let importance { spans.append(Span(" · \(Format.fixed(importance, decimals: 2))", Palette.secondary)) }
    return spans
  }

  static func draw(
    _ parameter: SearchSpace.Parameter, _ snapshot: SearchSnapshot, _ state: TrialsState, into screen: inout Screen,
    in area: Rect
  ) {
    let selected = state.selectedTrial(snapshot)
    let complete = snapshot.study.trials.filter { $0.state == .complete && $0.objective != nil }
    var chart: DotChart
    switch parameter.distribution {
    case .choice(let values):
      chart = DotChart(
        xRange: -0.5...(Double(values.count) - 0.5),
        xLabels: values.enumerated().map { (Double($0.offset), TrialsTable.text($0.element)) })
      for trial in complete {
        guard let value = trial.parameters[parameter.name], let index = values.firstIndex(of: value) else { continue }
        chart.dots.append(dot(trial, x: Double(index), snapshot: snapshot, selected: selected))
      }
    case .range(let low, let high, let log, _, _):
      let observed = complete.compactMap { $0.parameters[parameter.name]?.number }
      let lo = min(low, observed.min() ?? low)
      let hi = max(high, observed.max() ?? high)
      chart = DotChart(
        xRange: lo...hi, xLog: log && lo > 0,
        xLabels: [(lo, Format.compact(lo, significantDigits: 2)), (hi, Format.compact(hi, significantDigits: 2))])
      for trial in complete {
        guard let x = trial.parameters[parameter.name]?.number else { continue }
        chart.dots.append(dot(trial, x: x, snapshot: snapshot, selected: selected))
      }
    }
    chart.dots.sort { order($0.style) < order($1.style) }
    chart.render(into: &screen, in: area)
  }

  private static func dot(_ trial: Trial, x: Double, snapshot: SearchSnapshot, selected: Int?) -> DotChart.Dot {
    let style =
      trial.number == snapshot.bestNumber ? Palette.validation : trial.number == selected ? Palette.focus : Style(.blue)
    return DotChart.Dot(x: x, y: trial.objective ?? .nan, style: style)
  }

  /// The best and selected dots go last, over the others.
  private static func order(_ style: Style) -> Int {
    style == Palette.validation ? 2 : style == Palette.focus ? 1 : 0
  }
}
