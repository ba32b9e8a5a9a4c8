import Training

/// The changes a run was started to make by itself (`--replay` or a config file's `[[change]]`
/// tables), kept in its config.json so that `--resume` makes the ones still to come.
///
/// Each change is written as events.jsonl writes settings (`ReplayScript.setting(of:)`) and read
/// back the same way (`ReplayScript.command(setting:text:value:)`).
struct ScheduledChanges: Codable, Equatable {
  /// One change: after `step` steps, `setting` (an option name, `optimizer`, `undo`, …) becomes
  /// `value` (numbers, at full precision) or `text` (names).
  struct Change: Codable, Equatable {
    var step: Int
    var setting: String
    var text: String?
    var value: Double?
  }

  /// `replay` or `config`, as the changes' events say.
  var source: CommandSource
  var changes: [Change]

  init(_ script: ReplayScript) {
    source = script.source
    changes = script.changes.compactMap { change in
      ReplayScript.setting(of: change.command).map {
        Change(step: change.step, setting: $0.name, text: $0.text, value: $0.value)
      }
    }
  }

  /// The script again; a change that does not read back (a damaged config.json) is an error naming
  /// `file` and the change.
  func script(file: String) throws -> ReplayScript {
    var result = ReplayScript(source: source)
    for (index, change) in changes.enumerated() {
      guard change.step >= 0,
        let command = ReplayScript.command(setting: change.setting, text: change.text, value: change.value)
      else {
        throw CLIError.data(
          "\(file): scheduled change \(index + 1) (\(change.setting) at step \(change.step)) is not a change "
            + "traintop can make")
      }
      result.changes.append((change.step, command))
    }
    return result
  }
}
