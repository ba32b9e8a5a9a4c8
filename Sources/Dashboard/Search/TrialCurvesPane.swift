import Search
import Training

/// Every trial's per-epoch metric overlaid: pruned and failed ones dimmed, running ones green, the
/// selected one cyan and the best one highlighted (drawn last, over the others).
enum TrialCurvesPane {
  static func title(_ snapshot: SearchSnapshot) -> [Span] {
    [
      Span("\(snapshot.metric) per epoch", Palette.paneName), Span(" · ", Palette.secondary),
      Span("best", Palette.validation), Span(" · ", Palette.secondary), Span("selected", Palette.focus),
      Span(" · pruned dim", Palette.secondary),
    ]
  }

  static func draw(_ snapshot: SearchSnapshot, _ state: TrialsState, into screen: inout Screen, in area: Rect) {
    let selected = state.selectedTrial(snapshot)
    let best = snapshot.bestNumber
    let layered = snapshot.study.trials.filter { !$0.intermediate.isEmpty }.sorted {
      layer($0, selected: selected, best: best) < layer($1, selected: selected, best: best)
    }
    let series = layered.map { trial in
      let epochs = trial.intermediate.keys.sorted()
      return ChartSeries(
        xs: epochs.map(Double.init), ys: epochs.map { trial.intermediate[$0] ?? .nan },
        style: style(trial, selected: selected, best: best), marksNonFinite: false)
    }
    BrailleChart(series: series, xUnit: "epoch").render(into: &screen, in: area)
  }

  /// Drawing order: dimmed trials first, the best last.
  static func layer(_ trial: Trial, selected: Int?, best: Int?) -> Int {
    if trial.number == best { return 4 }
    if trial.number == selected { return 3 }
    switch trial.state {
    case .pruned, .failed: return 0
    case .complete: return 1
    case .running: return 2
    }
  }

  static func style(_ trial: Trial, selected: Int?, best: Int?) -> Style {
    if trial.number == best { return Palette.validation }
    if trial.number == selected { return Palette.focus }
    switch trial.state {
    case .pruned: return Palette.raw
    case .failed: return Style(.red, dim: true)
    case .complete: return Style(.blue)
    case .running: return Style(.green)
    }
  }
}
