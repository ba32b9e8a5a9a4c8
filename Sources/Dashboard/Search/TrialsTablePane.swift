import Search
import Training

/// The trials table: number, state, each parameter, epochs and the metric, in the chosen order,
/// the selected row highlighted, the best trial starred; scrolled to keep the selection visible.
enum TrialsTablePane {
  /// The title: what the table holds and how it is sorted.
  static func title(_ snapshot: SearchSnapshot, _ state: TrialsState) -> [Span] {
    let order = state.sort.title(metric: snapshot.metric) + (state.descending ? " ▼" : " ▲")
    return [Span("trials", Palette.paneName), Span(" · sorted by \(order) (s, S)", Palette.secondary)]
  }

  static func draw(_ snapshot: SearchSnapshot, _ state: TrialsState, into screen: inout Screen, in area: Rect) {
    guard area.height >= 2, area.width >= 10 else { return }
    let columns = self.columns(snapshot)
    var x = area.x
    for column in columns {
      let marker = column.sort == state.sort ? (state.descending ? "▼" : "▲") : ""
      let text = (column.title + marker).truncated(to: column.width)
      let style = column.sort == state.sort ? Palette.focus : Palette.paneName
      screen.put(
        column.alignRight ? text.leftPadded(to: column.width) : text, x: x, y: area.y, style: style,
        maxWidth: area.maxX - x)
      x += column.width + 1
    }
    let rows = TrialsTable.rows(snapshot, sort: state.sort, descending: state.descending)
    guard !rows.isEmpty else {
      screen.put("no trials yet", x: area.x, y: area.y + 1, style: .faint)
      return
    }
    let visible = area.height - 1
    let selected = state.selectedTrial(snapshot)
    let index = rows.firstIndex { $0.number == selected } ?? 0
    let offset = min(max(0, index - visible / 2), max(0, rows.count - visible))
    for (row, trial) in rows.dropFirst(offset).prefix(visible).enumerated() {
      let y = area.y + 1 + row
      var style = rowStyle(trial)
      if trial.number == selected {
        style = style.reversed
        screen.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
      }
      var x = area.x
      for column in columns {
        let text = column.cell(trial, snapshot).truncated(to: column.width)
        screen.put(
          column.alignRight ? text.leftPadded(to: column.width) : text, x: x, y: y, style: style,
          maxWidth: area.maxX - x)
        x += column.width + 1
      }
    }
  }

  /// A state's colour: running green, complete plain, pruned dimmed, failed red.
  static func rowStyle(_ trial: Trial) -> Style {
    switch trial.state {
    case .running: Style(.green)
    case .complete: .plain
    case .pruned: Palette.secondary
    case .failed: Style(.red)
    }
  }

  struct Column {
    var title: String
    var width: Int
    var sort: TrialsSort
    var alignRight: Bool
    var cell: (Trial, SearchSnapshot) -> String
  }

  /// The columns: `#`, state, the parameters, epochs (a running trial's `3/20`), the metric (★ best).
  static func columns(_ snapshot: SearchSnapshot) -> [Column] {
    let direction = snapshot.study.direction
    let parameters = snapshot.study.space.names.map { name in
      Column(title: name, width: min(12, max(8, name.count + 1)), sort: .parameter(name), alignRight: true) {
        trial, _ in TrialsTable.text(trial.parameters[name])
      }
    }
    let metricWidth = max(8, snapshot.metric.count + 1)
    return [Column(title: "#", width: 4, sort: .number, alignRight: true) { trial, _ in "\(trial.number)" }]
      + [Column(title: "state", width: 8, sort: .state, alignRight: false) { trial, _ in trial.state.rawValue }]
      + parameters
      + [
        Column(title: "epochs", width: 7, sort: .epochs, alignRight: true) { trial, snapshot in
          snapshot.progress[trial.number].map { "\($0.epoch)/\($0.epochs)" } ?? "\(trial.epochs)"
        },
        Column(title: snapshot.metric, width: metricWidth, sort: .metric, alignRight: true) { trial, snapshot in
          let star = trial.number == snapshot.bestNumber ? "★" : " "
          return (TrialsTable.metric(trial, direction).map { Format.fixed($0, decimals: 4) } ?? "-") + star
        },
      ]
  }
}
