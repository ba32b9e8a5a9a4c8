import Training

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The event log, newest last: `12:03:44 step 1830  lr 1.0e-3 → 5.0e-4 (key)`.
public struct EventsPane: Pane {
  /// The clock's offset from UTC in seconds; nil uses the local time zone.
  public var utcOffsetSeconds: Int?

  /// Creates the pane (local time unless an offset is given, e.g. 0 for UTC in tests).
  public init(utcOffsetSeconds: Int? = nil) {
    self.utcOffsetSeconds = utcOffsetSeconds
  }

  /// `Events`, and while scrolled back `· 25 back of 140 (pgdn, end)`.
  public func title(_ snapshot: TrainingSnapshot, _ ui: UIState) -> [Span] {
    let back = min(ui.eventScroll, max(0, snapshot.events.count - 1))
    guard back > 0 else { return [Span("Events", Palette.paneName)] }
    return [
      Span("Events", Palette.paneName),
      Span(" · \(back) back of \(snapshot.events.count) (pgdn, end)", Palette.paused),
    ]
  }

  /// As many events as fit, oldest at the top: the newest, or those `ui.eventScroll` back from them.
  public func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect) {
    guard !area.isEmpty else { return }
    guard !snapshot.events.isEmpty else {
      screen.put("no events yet", x: area.x, y: area.y, style: Palette.secondary, maxWidth: area.width)
      return
    }
    let back = min(ui.eventScroll, snapshot.events.count - 1)
    let shown = snapshot.events.dropLast(back).suffix(area.height)
    let stepWidth = String(shown.map(\.step).max() ?? 0).count
    for (row, event) in shown.enumerated() {
      screen.put(line(event, stepWidth: stepWidth), x: area.x, y: area.y + row, maxWidth: area.width)
    }
  }

  /// One event as styled spans.
  public func line(_ event: TrainingEvent, stepWidth: Int = 0) -> [Span] {
    let source = event.source.map { " (\($0.rawValue))" } ?? ""
    return [
      Span(clockTime(event.time), Palette.secondary),
      Span(" step " + String(event.step).rightPadded(to: stepWidth) + "  ", Palette.secondary),
      Span(event.message, EventsPane.style(event.kind)),
      Span(source, Palette.secondary),
    ]
  }

  /// The colour of each kind of event.
  public static func style(_ kind: EventKind) -> Style {
    switch kind {
    case .command: Style(.cyan)
    case .rejected, .stop: Style(.red, bold: true)
    case .rollback, .skippedStep: Style(.yellow)
    case .checkpoint, .best: Style(.green)
    case .schedule: Style(.blue)
    case .alert: Palette.alert
    case .info: .plain
    }
  }

  /// `HH:MM:SS` of a time in seconds since 1970.
  public func clockTime(_ time: Double) -> String {
    guard time.isFinite else { return "--:--:--" }
    var seconds = Int(time.rounded(.down))
    if let utcOffsetSeconds {
      seconds += utcOffsetSeconds
    } else {
      seconds += EventsPane.localOffset(at: seconds)
    }
    let daySeconds = ((seconds % 86_400) + 86_400) % 86_400
    return [daySeconds / 3600, daySeconds / 60 % 60, daySeconds % 60]
      .map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
  }

  /// The local time zone's offset from UTC at a moment, in seconds.
  static func localOffset(at seconds: Int) -> Int {
    var clock = time_t(seconds)
    var parts = tm()
    guard localtime_r(&clock, &parts) != nil else { return 0 }
    return Int(parts.tm_gmtoff)
  }
}
