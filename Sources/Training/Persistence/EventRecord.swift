/// One line of `events.jsonl`: the event's typed fields flattened for pandas and `jq`.
///
/// `setting`, `old` and `new` are present for changes (the setting's option name and its values
/// as the dashboard shows them), and `value` is a changed number's new value at full precision;
/// `message` is the same text as the events pane.
public struct EventRecord: Codable, Sendable, Equatable {
  public var sequence: Int
  public var time: Double
  public var step: Int
  public var epoch: Int
  public var kind: EventKind
  public var message: String
  public var source: CommandSource?
  public var setting: String?
  public var old: String?
  public var new: String?
  public var value: Double?

  /// The record of `event`.
  public init(_ event: TrainingEvent) {
    sequence = event.sequence
    time = event.time
    step = event.step
    epoch = event.epoch
    kind = event.kind
    message = event.message
    source = event.source
    let change = event.detail.change
    setting = change?.name
    old = change?.old
    new = change?.new
    value = event.detail.newValue
  }
}
