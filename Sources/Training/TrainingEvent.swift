/// Something that happened during a run: a command applied, an early stop, a rollback, a checkpoint.
///
/// Written to `events.jsonl` and shown in the dashboard's event pane.
public struct TrainingEvent: Sendable, Equatable, Codable {
  /// What kind of event this is.
  public enum Kind: String, Sendable, Codable {
    /// A command was applied.
    case command
    /// A command was rejected (its message says why).
    case rejected
    /// Training stopped early or was stopped.
    case stop
    /// The non-finite guard rolled back to the last good weights.
    case rollback
    /// A non-finite step was skipped.
    case skippedStep = "skipped_step"
    /// A checkpoint was written.
    case checkpoint
    /// The schedule changed the rate (e.g. reduce on plateau).
    case schedule
    /// A new best monitored value.
    case best
    /// Anything else worth telling.
    case info
  }

  /// Seconds since 1970 when it happened.
  public var time: Double
  /// The global step (number of updates so far) when it happened.
  public var step: Int
  /// The epoch (1-based) when it happened.
  public var epoch: Int
  /// The kind.
  public var kind: Kind
  /// A one-line human message, e.g. `lr 1.0e-3 → 5.0e-4`.
  public var message: String
  /// Where the command came from, for command events.
  public var source: CommandSource?
  /// The old value, for settings changes.
  public var oldValue: String?
  /// The new value, for settings changes.
  public var newValue: String?

  /// Creates an event.
  public init(
    time: Double, step: Int, epoch: Int, kind: Kind, message: String,
    source: CommandSource? = nil, oldValue: String? = nil, newValue: String? = nil
  ) {
    self.time = time
    self.step = step
    self.epoch = epoch
    self.kind = kind
    self.message = message
    self.source = source
    self.oldValue = oldValue
    self.newValue = newValue
  }
}
