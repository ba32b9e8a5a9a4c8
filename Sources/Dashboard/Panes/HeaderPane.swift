import NN
import Training

/// Two lines: the run (dataset, model, optimizer and its settings, schedule) with its state on the
/// right, then progress: epoch, step, bar, speed, ETA — or the final test metrics once stopped.
public struct HeaderPane: Pane {
  public init() {}

  /// Draws both lines into the first two rows of `area`.
  public func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect) {
    guard !area.isEmpty else { return }
    let state = snapshot.info.isRecorded ? HeaderPane.viewState(snapshot) : HeaderPane.state(snapshot.status)
    var stateX = area.maxX - state.text.count
    screen.put(state.text, x: max(area.x, stateX), y: area.y, style: state.style, maxWidth: area.width)
    if let badge = HeaderPane.alertBadge(snapshot.alerts, width: (stateX - area.x) / 2) {
      stateX -= badge.count + 1
      screen.put(badge, x: max(area.x, stateX), y: area.y, style: Palette.alert, maxWidth: area.width)
    }
    let left = HeaderPane.runLine(snapshot).truncated(to: max(0, stateX - area.x - 1))
    screen.put(left, x: area.x, y: area.y, maxWidth: area.width)
    guard area.height > 1 else { return }
    let progress = HeaderPane.progressLine(snapshot, width: area.width, process: ui.process)
      .truncated(to: area.width)
    screen.put(progress, x: area.x, y: area.y + 1)
  }

  /// `RUNNING` (green), `PAUSED` (yellow), `STOPPED (reason)` (red) or `STARTING` (cyan).
  public static func state(_ status: TrainingStatus) -> Span {
    switch status {
    case .starting: Span("STARTING", Palette.starting)
    case .running: Span("RUNNING", Palette.running)
    case .paused: Span("PAUSED", Palette.paused)
    case .stopped(let reason): Span("STOPPED (\(reason.rawValue))", Palette.stopped)
    }
  }

  /// A recorded run (`traintop view`): `VIEW · LIVE` at the end of a run still being written,
  /// `VIEW · STEP 1200` with the time cursor earlier, `VIEW · STOPPED (reason)` at a finished run's end.
  public static func viewState(_ snapshot: TrainingSnapshot) -> Span {
    switch snapshot.status {
    case .starting, .running: Span("VIEW · LIVE", Palette.running)
    case .paused: Span("VIEW · STEP \(snapshot.step)", Palette.paused)
    case .stopped(let reason): Span("VIEW · STOPPED (\(reason.rawValue))", Palette.stopped)
    }
  }

  /// `⚠ spike ×3 · overfitting`: the alerts raised so far, newest kind first, within `width`
  /// columns (kinds that do not fit become `+2`); nil when there are none.
  public static func alertBadge(_ alerts: [AlertTally], width: Int) -> String? {
    guard !alerts.isEmpty, width >= 3 else { return nil }
    var text = "⚠ " + alerts[0].text
    for (index, tally) in alerts.enumerated().dropFirst() {
      let more = " +\(alerts.count - index)"
      let next = text + " · " + tally.text
      if next.count + (index + 1 < alerts.count ? more.count : 0) > width {
        text += more
        break
      }
      text = next
    }
    return text.count <= width ? text : "⚠ \(alerts.reduce(0) { $0 + $1.count })"
  }

  /// `traintop · mnist · mlp 784-256-128-10 relu · adam lr 1.0e-3 β1 0.9 β2 0.999 wd 0 · cosine, warmup 1`.
  public static func runLine(_ snapshot: TrainingSnapshot) -> [Span] {
    let separator = Span(" · ", Palette.secondary)
    return [
      Span("traintop", .strong), separator, Span(snapshot.info.datasetName), separator,
      Span(snapshot.info.modelSummary), separator,
      Span(optimizerText(snapshot.optimizer, snapshot.hyperparameters), Style(.cyan)),
      separator, Span(snapshot.scheduleDescription),
    ] + (snapshot.info.comparisons.isEmpty ? [] : [separator] + comparisonLegend(snapshot.info.comparisons))
      + (computeText(snapshot).map { [separator, Span($0, Palette.secondary)] } ?? [])
  }

  /// `vs 2026-12-03-101500-mnist, B: lr → 3.0e-4`: the compared runs' legend, each name in the
  /// colour of its ghost lines (the header's end is cut when it is too long).
  public static func comparisonLegend(_ runs: [ComparisonRun]) -> [Span] {
    guard !runs.isEmpty else { return [] }
    return [Span("vs ", Palette.ghost)]
      + runs.enumerated().flatMap { index, run in
        (index > 0 ? [Span(", ", Palette.secondary)] : []) + [Span(run.name, Palette.ghost(index))]
      }
  }

  /// The compute engine and its threads: `oneDNN 2.6.3 avx2 ×2`.
  public static func computeText(_ snapshot: TrainingSnapshot) -> String? {
    guard let engine = snapshot.info.computeEngine else { return nil }
    let threads = snapshot.hyperparameters[.threads].map { " ×" + Hyperparameter.threads.format($0) } ?? ""
    return engine + threads
  }

  /// The optimizer and the hyper-parameters it reads, then the regularisers that are on:
  /// `momentum lr 1.0e-2 momentum 0.9 wd 1e-4 clip 1`. The table decides what is shown.
  public static func optimizerText(_ kind: OptimizerKind, _ values: [Hyperparameter: Double]) -> String {
    let shown = Hyperparameter.allCases.filter { $0.isShown(for: kind, value: values[$0]) }
    return ([kind.rawValue] + shown.map { $0.label + " " + $0.format(values[$0]) }).joined(separator: " ")
  }

  /// `epoch 3/20 · step 1830/12000 ▕██████▌   ▏ 42% · 21.4k samples/s · cpu 198% · 312 MB · ETA 0:41 ·
  /// elapsed 1:23`, with `· pause in 57 steps` after the percentage while a `:run` or `:until` is
  /// pending (the process figures once the app has sampled them).
  public static func progressLine(_ snapshot: TrainingSnapshot, width: Int, process: ProcessFigures? = nil)
    -> [Span]
  {
    let info = snapshot.info
    let separator = Span(" · ", Palette.secondary)
    let fraction = info.totalSteps > 0 ? Double(snapshot.step) / Double(info.totalSteps) : 0
    var spans = [
      Span("epoch \(snapshot.epoch)/\(info.totalEpochs)"), separator,
      Span("step \(snapshot.step)/\(info.totalSteps)"), Span(" ▕", Palette.secondary),
      Span(ProgressBar.text(fraction, width: min(30, max(10, width / 6))), Palette.bar),
      Span("▏ ", Palette.secondary), Span(Format.percent(min(1, fraction))),
    ]
    if case .stopped = snapshot.status {
      return spans + testMetrics(snapshot.testMetrics, separator: separator)
    }
    // `:run` and `:until` countdowns come first, so they survive a narrow terminal.
    if let pause = snapshot.autoPause { spans += [separator, Span(pause, Palette.paused)] }
    spans += [separator, Span(Format.compact(snapshot.samplesPerSecond) + " samples/s")]
    if let process { spans += [separator, Span(process.text)] }
    if let eta = snapshot.etaSeconds { spans += [separator, Span("ETA " + Format.duration(eta))] }
    spans += [separator, Span("elapsed " + Format.duration(snapshot.elapsedSeconds), Palette.secondary)]
    return spans
  }

  /// `· test: accuracy 0.9812 · loss 0.0621` (names lose their `test_` prefix).
  static func testMetrics(_ metrics: [(name: String, value: Double)], separator: Span) -> [Span] {
    guard !metrics.isEmpty else { return [] }
    let parts = metrics.map { metric -> String in
      let name = metric.name.hasPrefix("test_") ? String(metric.name.dropFirst(5)) : metric.name
      return name + " " + Format.compact(metric.value, significantDigits: 4)
    }
    return [separator, Span("test: " + parts.joined(separator: " · "), Style(.green, bold: true))]
  }
}
