import Foundation
import NN

/// The manual changes of a steered run, read from its `events.jsonl`, to apply again at the same
/// steps (`--replay`): settings (from their full-precision `value`), optimizer, schedule, epochs,
/// dropout, batch size and undo, as the person made them (key, prompt or LR finder) or a script did
/// (an earlier replay, a config file's `[[change]]` tables). Pauses are left out, and so are the
/// changes the run makes by itself (plateau, rollback, alerts), which happen again on their own.
public struct ReplayScript: Sendable, Equatable {
  /// The changes in order, each with the step it was made at (after that many steps).
  public var changes: [(step: Int, command: TrainerCommand)]
  /// Where the changes come from, as their events say: `replay` (another run's events.jsonl) or
  /// `config` (a config file's `[[change]]` tables).
  public var source: CommandSource

  public init(changes: [(step: Int, command: TrainerCommand)] = [], source: CommandSource = .replay) {
    self.changes = changes
    self.source = source
  }

  /// The script of `records` (other events are skipped).
  public init(records: [EventRecord]) {
    source = .replay
    changes = records.compactMap { record in
      guard let source = record.source, [.key, .prompt, .lrFind, .replay, .config].contains(source),
        let command = Self.command(record)
      else { return nil }
      return (record.step, command)
    }
  }

  /// Reads a run's `events.jsonl`; a line that is not an event record is an error naming it.
  public static func load(from url: URL) throws -> ReplayScript {
    let text: String
    do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw RunLogError.unreadable(path: url.path) }
    var records: [EventRecord] = []
    for (index, line) in text.split(separator: "\n").enumerated() {
      guard let record = try? TrainingJSON.decoder().decode(EventRecord.self, from: Data(line.utf8)) else {
        throw RunLogError.badLine(path: url.path, line: index + 1)
      }
      records.append(record)
    }
    return ReplayScript(records: records)
  }

  /// The command that makes the change `record` describes, if it is one a person can make.
  static func command(_ record: EventRecord) -> TrainerCommand? {
    guard let setting = record.setting else { return nil }
    return command(setting: setting, text: record.new, value: record.value)
  }

  /// The command that sets `setting` (an option name as events.jsonl and config files write it:
  /// `lr`, `optimizer`, `schedule`, `epochs`, `dropout`, `batch-size`, or `undo`) to `value`, or for
  /// the optimizer and schedule to `text`; nil when the name or value does not fit.
  public static func command(setting: String, text: String?, value: Double?) -> TrainerCommand? {
    switch setting {
    case "optimizer": return text.flatMap(OptimizerKind.init(rawValue:)).map(TrainerCommand.setOptimizer)
    case "schedule":
      let name = text?.split(separator: ",").first.map { String($0) }
      return name.flatMap(ScheduleName.init(rawValue:)).map(TrainerCommand.setSchedule)
    case "epochs": return value.flatMap { Int(exactly: $0) }.map(TrainerCommand.setEpochs)
    case "dropout": return value.map(TrainerCommand.setDropout)
    case "batch-size": return value.flatMap { Int(exactly: $0) }.map(TrainerCommand.setBatchSize)
    case "undo": return .undo
    default:
      guard let knob = Hyperparameter(rawValue: setting) else { return nil }
      guard value != nil || knob.canBeOff else { return nil }
      return .set(knob, value)  // nil: turned off (clipping)
    }
  }

  /// The setting a scripted command changes and its value, as `command(setting:text:value:)` reads
  /// them back (for writing a script out); nil for commands a script never holds.
  public static func setting(of command: TrainerCommand) -> (name: String, text: String?, value: Double?)? {
    switch command {
    case .set(let knob, let value): (knob.optionName, nil, value)
    case .setOptimizer(let kind): ("optimizer", kind.rawValue, nil)
    case .setSchedule(let name): ("schedule", name.rawValue, nil)
    case .setEpochs(let n): ("epochs", nil, Double(n))
    case .setDropout(let p): ("dropout", nil, p)
    case .setBatchSize(let n): ("batch-size", nil, Double(n))
    case .undo: ("undo", nil, nil)
    case .pause, .resume, .step, .stop, .scaleLearningRate, .saveCheckpoint, .run, .pauseWhen, .findLearningRate,
      .finishLRFind, .fork:
      nil
    }
  }

  public static func == (a: ReplayScript, b: ReplayScript) -> Bool {
    a.changes.map(\.step) == b.changes.map(\.step) && a.changes.map(\.command) == b.changes.map(\.command)
      && a.source == b.source
  }
}
