import Foundation
import NN

/// The manual changes of a steered run, read from its `events.jsonl`, to apply again at the same
/// steps (`--replay`): settings (from their full-precision `value`), optimizer, schedule, epochs,
/// dropout, batch size and undo, as the person made them (key, prompt or LR finder). Pauses are left
/// out, and so are the changes the run makes by itself (plateau, rollback, alerts), which happen
/// again on their own.
public struct ReplayScript: Sendable, Equatable {
  /// The changes in order, each with the step it was made at (after that many steps).
  public var changes: [(step: Int, command: TrainerCommand)]

  public init(changes: [(step: Int, command: TrainerCommand)] = []) { self.changes = changes }

  /// The script of `records` (other events are skipped).
  public init(records: [EventRecord]) {
    changes = records.compactMap { record in
      guard let source = record.source, [.key, .prompt, .lrFind].contains(source),
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
    switch setting {
    case "optimizer": return record.new.flatMap(OptimizerKind.init(rawValue:)).map(TrainerCommand.setOptimizer)
    case "schedule":
      let name = record.new?.split(separator: ",").first.map { String($0) }
      return name.flatMap(ScheduleName.init(rawValue:)).map(TrainerCommand.setSchedule)
    case "epochs": return record.value.flatMap { Int(exactly: $0) }.map(TrainerCommand.setEpochs)
    case "dropout": return record.value.map(TrainerCommand.setDropout)
    case "batch-size": return record.value.flatMap { Int(exactly: $0) }.map(TrainerCommand.setBatchSize)
    case "undo": return .undo
    default:
      guard let knob = Hyperparameter(rawValue: setting) else { return nil }
      return .set(knob, record.value)  // nil: turned off (clipping)
    }
  }

  public static func == (a: ReplayScript, b: ReplayScript) -> Bool {
    a.changes.map(\.step) == b.changes.map(\.step) && a.changes.map(\.command) == b.changes.map(\.command)
  }
}
