/// Something that happened during a run: a change applied, an early stop, a rollback, a checkpoint.
///
/// The payload (`detail`) is typed; the English text is made in one place (`message`, in
/// `EventDetail+Text.swift`). Events are numbered from 1 in the order they happened, so a
/// reader that saw event N knows exactly which ones are new.
public struct TrainingEvent: Sendable, Equatable {
  /// 1, 2, 3, … in the order the events happened in this process.
  public var sequence: Int
  /// Seconds since 1970 when it happened.
  public var time: Double
  /// The global step (number of updates so far) when it happened.
  public var step: Int
  /// The epoch (1-based) when it happened.
  public var epoch: Int
  /// Where the change came from, for commands.
  public var source: CommandSource?
  /// What happened.
  public var detail: EventDetail

  public init(
    sequence: Int, time: Double, step: Int, epoch: Int, source: CommandSource? = nil,
    detail: EventDetail
  ) {
    self.sequence = sequence
    self.time = time
    self.step = step
    self.epoch = epoch
    self.source = source
    self.detail = detail
  }

  /// The event's class, for colours and filters.
  public var kind: EventKind { detail.kind }

  /// The one-line text, e.g. `lr 1.0e-3 → 5.0e-4`.
  public var message: String { detail.message }
}

/// The class of an event, as written in `events.jsonl`'s `kind` field.
public enum EventKind: String, Sendable, Codable, CaseIterable {
  /// A change was applied.
  case command
  /// A change was rejected, or something failed (the message says why).
  case rejected
  /// Training stopped early or was stopped.
  case stop
  /// The non-finite guard rolled back to the last good weights.
  case rollback
  /// A non-finite step was skipped.
  case skippedStep = "skipped_step"
  /// A checkpoint was written.
  case checkpoint
  /// The schedule changed the rate (reduce on plateau).
  case schedule
  /// A new best monitored value.
  case best
  /// The health monitor saw something wrong (a loss spike, a stall, …).
  case alert
  /// Anything else worth telling.
  case info
}
