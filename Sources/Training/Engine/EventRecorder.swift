import Foundation

/// Numbers the run's events, keeps the recent ones for snapshots, and writes the run log.
///
/// A log write that fails becomes one event and stops logging: training never dies of a full disk.
struct EventRecorder {
  /// The most events a snapshot carries, for the events pane's scrollback (the log keeps them
  /// all). Snapshots share the list's storage until the next event, so carrying many costs nothing
  /// per publish.
  static let recentLimit = 10_000

  /// The run directory's logs, if logging.
  let runLog: RunLog?
  /// The newest events, oldest first, at most `recentLimit`; new bests are left out (the
  /// early-stopping pane shows them every epoch).
  private(set) var recent: [TrainingEvent] = []
  /// The sequence number of the next event.
  private var nextSequence = 1
  /// True once a write failed.
  private(set) var failed = false

  init(runLog: RunLog?) {
    self.runLog = runLog
  }

  /// Records `detail` as the next event, in the bounded list and in events.jsonl.
  @discardableResult
  mutating func record(
    _ detail: EventDetail, step: Int, epoch: Int, source: CommandSource? = nil
  ) -> TrainingEvent {
    let event = TrainingEvent(
      sequence: nextSequence, time: Date().timeIntervalSince1970, step: step, epoch: epoch,
      source: source, detail: detail)
    nextSequence += 1
    if event.kind != .best {
      recent.append(event)
      if recent.count > Self.recentLimit { recent.removeFirst(recent.count - Self.recentLimit) }
    }
    write(step: step, epoch: epoch) { try $0.appendEvent(EventRecord(event)) }
    return event
  }

  /// Runs a log write; the first failure becomes an event and stops logging.
  mutating func write(step: Int, epoch: Int, _ body: (RunLog) throws -> Void) {
    guard let runLog, !failed else { return }
    do {
      try body(runLog)
    } catch {
      failed = true
      record(.failure("run log write failed: \(error); logging stopped"), step: step, epoch: epoch)
    }
  }
}
