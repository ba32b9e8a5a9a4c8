import Search
import Training

/// Draws one frame of the trials dashboard (`traintop search` in a terminal): pure and cheap.
///
/// Header (the search, its counts and best), the trials table beside every trial's curve and the
/// best so far, a scatter per parameter beside the importance ranking, the search's events and
/// the footer (keys, or the prompt). Below `Dashboard.minimumSize` it only says the terminal is too small.
public enum TrialsView {
  public static func render(_ snapshot: SearchSnapshot, _ state: TrialsState, width: Int, height: Int) -> Screen {
    if let tooSmall = Dashboard.tooSmallScreen(width: width, height: height) { return tooSmall }
    var screen = Screen(width: width, height: height)
    let layout = TrialsLayout(width: width, height: height, scatters: snapshot.study.space.parameters.count)
    drawHeader(snapshot, into: &screen, in: layout.header)
    for rect in layout.boxes { screen.border(rect, style: Palette.border) }
    screen.border(layout.table, style: Palette.focus)
    screen.title(TrialsTablePane.title(snapshot, state), on: layout.table)
    TrialsTablePane.draw(snapshot, state, into: &screen, in: layout.table.inset(by: 1))
    screen.title(TrialCurvesPane.title(snapshot), on: layout.curves)
    TrialCurvesPane.draw(snapshot, state, into: &screen, in: layout.curves.inset(by: 1))
    screen.title(BestSoFarPane.title(snapshot), on: layout.history)
    BestSoFarPane.draw(snapshot, into: &screen, in: layout.history.inset(by: 1))
    let importance = ParameterImportance.rank(snapshot.study.trials, space: snapshot.study.space)
    drawScatters(snapshot, state, layout, importance: importance, into: &screen)
    screen.title(ImportancePane.title(), on: layout.importance)
    ImportancePane.draw(importance, into: &screen, in: layout.importance.inset(by: 1))
    if let events = layout.events {
      screen.title([Span("events", Palette.paneName)], on: events)
      drawEvents(snapshot, into: &screen, in: events.inset(by: 1))
    }
    if let message = state.statusMessage {
      screen.bottomTitle([Span(message, Style(.yellow))], on: layout.body)
    }
    drawFooter(snapshot, state, into: &screen, in: layout.footer)
    if state.showsHelp { drawHelp(into: &screen) }
    return screen
  }

  /// `RUNNING`, `PAUSED` or `FINISHED`.
  static func badge(_ snapshot: SearchSnapshot) -> Span {
    if snapshot.finished { return Span("FINISHED", Palette.stopped) }
    return snapshot.paused ? Span("PAUSED", Palette.paused) : Span("RUNNING", Palette.running)
  }

  /// Line 1: the name and the state; line 2: how it searches, the counts, the best.
  static func drawHeader(_ snapshot: SearchSnapshot, into screen: inout Screen, in area: Rect) {
    let study = snapshot.study
    let badge = self.badge(snapshot)
    screen.put(
      [Span("traintop search", .strong), Span(" · \(snapshot.name)", Palette.secondary)], x: area.x, y: area.y,
      maxWidth: area.width - badge.text.count - 1)
    screen.put([badge], x: area.maxX - badge.text.count, y: area.y)
    let direction = study.direction == .maximize ? "max" : "min"
    let counts = [TrialState.complete, .pruned, .failed, .running].compactMap { state in
      snapshot.count(state) > 0 || state == .complete ? "\(snapshot.count(state)) \(state.rawValue)" : nil
    }
    var line =
      "\(study.strategy.rawValue) · pruner \(study.pruner.rawValue) · \(snapshot.metric) \(direction) · "
      + "\(study.trials.count)/\(study.trialLimit) trials: \(counts.joined(separator: ", ")) "
      + "· parallel \(snapshot.parallel)"
    if let best = study.best, let objective = best.objective {
      line += " · best \(Format.fixed(objective, decimals: 4)) (#\(best.number))"
    }
    screen.put(line, x: area.x, y: area.y + 1, style: Palette.secondary, maxWidth: area.width)
  }

  /// As many parameter scatters as fit, from `state.firstScatter` on.
  static func drawScatters(
    _ snapshot: SearchSnapshot, _ state: TrialsState, _ layout: TrialsLayout,
    importance ranking: [(name: String, importance: Double)], into screen: inout Screen
  ) {
    let parameters = snapshot.study.space.parameters
    let importance = Dictionary(ranking.map { ($0.name, $0.importance) }, uniquingKeysWith: { a, _ in a })
    let first = min(state.firstScatter, max(0, parameters.count - layout.scatters.count))
    for (rect, parameter) in zip(layout.scatters, parameters.dropFirst(first)) {
      screen.title(ParameterScatterPane.title(parameter, importance: importance[parameter.name]), on: rect)
      ParameterScatterPane.draw(parameter, snapshot, state, into: &screen, in: rect.inset(by: 1))
    }
    if parameters.count > layout.scatters.count, let last = layout.scatters.last {
      let shown = "\(first + 1)–\(first + layout.scatters.count) of \(parameters.count) · [ ]"
      screen.bottomTitle([Span(shown, Palette.secondary)], on: last)
    }
  }

  /// The newest events that fit, oldest at the top.
  static func drawEvents(_ snapshot: SearchSnapshot, into screen: inout Screen, in area: Rect) {
    for (row, event) in snapshot.events.suffix(area.height).enumerated() {
      screen.put(event.truncated(to: area.width), x: area.x, y: area.y + row)
    }
  }

  /// The keys; or the prompt with its error; or the quit question.
  static func drawFooter(_ snapshot: SearchSnapshot, _ state: TrialsState, into screen: inout Screen, in area: Rect) {
    let question = state.confirmingQuit ? quitQuestion : nil
    if FooterPane.drawPromptOrQuestion(state.prompt, question: question, into: &screen, in: area) { return }
    var spans: [Span] = []
    for (index, entry) in keys(paused: snapshot.paused).enumerated() {
      if index > 0 { spans.append(Span(" · ", Palette.secondary)) }
      spans += [Span(entry.key, .strong), Span(" " + entry.action, Palette.secondary)]
    }
    screen.put(spans.truncated(to: area.width), x: area.x, y: area.y)
  }

  /// The question shown while confirming quit.
  public static let quitQuestion =
    "Trials are still running. Stop the search (--resume continues it) and quit? y = yes, any other key = no"

  /// The footer's keys, in order (the help overlay lists them all).
  public static func keys(paused: Bool) -> [(key: String, action: String)] {
    [
      ("↑↓", "select"), ("⏎", "open trial"), ("s/S", "sort"), ("p", paused ? "resume" : "pause"),
      ("x", "stop trial"), ("+", "add trial"), ("</>", "parallel"), ("P", "promote"), ("[ ]", "parameters"),
      (":", "command"), ("?", "help"), ("q", "quit"),
    ]
  }

  /// A centred box with every key and every `:` command.
  static func drawHelp(into screen: inout Screen) {
    let keyLines = keys(paused: false).map { [Span($0.key.rightPadded(to: 6), .strong), Span($0.action)] }
    let commandLines = SearchPrompt.commands.map {
      [Span(":" + $0.usage.rightPadded(to: 18), .strong), Span($0.meaning)]
    }
    let lines =
      [[Span("Keys", Palette.focus)]] + keyLines + [[Span("esc, q  (in a trial) back to the table")]] + [[]]
      + [[Span("Commands", Palette.focus)]] + commandLines
    HelpOverlay.drawBox(lines, into: &screen)
  }
}
