import Search
import Training

/// The objective over trial numbers, as Optuna's optimisation history: each complete trial's
/// objective as a dot, the best so far as a line.
enum BestSoFarPane {
  static func title(_ snapshot: SearchSnapshot) -> [Span] {
    var spans = [Span("best so far", Palette.validation), Span(" · objective per trial", Palette.secondary)]
    if let best = snapshot.study.best, let objective = best.objective {
      spans.append(Span(" · \(Format.fixed(objective, decimals: 4)) (#\(best.number))", Palette.secondary))
    }
    return spans
  }

  /// The best objective after each complete trial, in trial order.
  static func history(_ study: Study) -> [(x: Double, y: Double)] {
    var best: Double?
    var points: [(x: Double, y: Double)] = []
    for trial in study.trials where trial.state == .complete {
      guard let objective = trial.objective, !objective.isNaN else { continue }
      if best.map({ study.direction.isBetter(objective, than: $0) }) ?? true { best = objective }
      if let best { points.append((Double(trial.number), best)) }
    }
    return points
  }

  static func draw(_ snapshot: SearchSnapshot, into screen: inout Screen, in area: Rect) {
    let study = snapshot.study
    let last = Double(max(1, study.trials.count - 1))
    let dots = study.trials.compactMap { trial -> DotChart.Dot? in
      guard trial.state == .complete, let objective = trial.objective else { return nil }
      return DotChart.Dot(x: Double(trial.number), y: objective, style: Palette.secondary)
    }
    let chart = DotChart(
      dots: dots, lines: [DotChart.Line(points: history(study), style: Palette.validation)], xRange: 0...last,
      xLabels: [(0, "trial 0"), (last, "\(Int(last))")])
    chart.render(into: &screen, in: area)
  }
}
