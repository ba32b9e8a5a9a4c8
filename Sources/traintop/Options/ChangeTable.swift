import Foundation
import NN
import Training

/// One scheduled change written as a table in a config file (`[[change]]` in TOML, an element of
/// `"change": […]` in JSON): `step`, the number of steps taken before it, and one setting named as
/// `events.jsonl` names it — a live setting (`lr = 3e-4`, `clip-norm = "off"`), `optimizer = "sgd"`,
/// `schedule = "cosine"`, `epochs`, `dropout`, `batch-size`, or `undo = true`.
///
/// `traintop changes RUN` writes a steered run's manual changes in this form, and `--config` applies
/// them at their steps as `--replay` would.
enum ChangeTable {
  /// What was wrong with a table.
  struct Problem: Error {
    let message: String
    init(_ message: String) { self.message = message }
  }

  /// The settings a change may set.
  static var settingNames: [String] {
    Hyperparameter.allCases.map(\.optionName) + ["optimizer", "schedule", "epochs", "dropout", "batch-size", "undo"]
  }

  /// The change one table describes.
  static func change(_ values: [String: Any]) throws(Problem) -> (step: Int, command: TrainerCommand) {
    let step = try Self.step(values["step"])
    let keys = values.keys.filter { $0 != "step" }.sorted()
    guard keys.count == 1, let key = keys.first, let value = values[key] else {
      throw Problem(
        "a change sets exactly one setting (e.g. lr = 3e-4), not "
          + (keys.isEmpty ? "none" : keys.joined(separator: ", ")))
    }
    let setting = key.replacingOccurrences(of: "_", with: "-")
    guard settingNames.contains(setting) else {
      throw Problem("a change cannot set '\(key)': expected one of \(settingNames.joined(separator: ", "))")
    }
    let command = try Self.command(setting: setting, value: value)
    return (step, command)
  }

  /// The command for `setting = value`, its number checked against the option's range.
  private static func command(setting: String, value: Any) throws(Problem) -> TrainerCommand {
    let isFlag = ConfigFile.isBoolean(value)
    if setting == "undo" {
      guard isFlag, value as? Bool == true else { throw Problem("undo: expected undo = true") }
      return .undo
    }
    let text = value as? String
    let number = isFlag ? nil : (value as? Double) ?? (value as? Int).map(Double.init)
    if let number, let range = OptionKey(name: setting)?.range, !range.contains(number) {
      throw Problem("\(setting) = \(Format.exact(number)): expected \(range.expected)")
    }
    let off = text == "off"
    guard !isFlag, number != nil || text != nil,
      let command = ReplayScript.command(setting: setting, text: off ? nil : text, value: number)
    else {
      let expected =
        switch setting {
        case "optimizer": "one of " + OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")
        case "schedule": "one of " + ScheduleName.allCases.map(\.rawValue).joined(separator: ", ")
        default: Hyperparameter(rawValue: setting)?.canBeOff == true ? "a number or \"off\"" : "a number"
        }
      let given = isFlag ? "\(value as? Bool == true)" : text.map { "\"\($0)\"" } ?? "\(value)"
      throw Problem("\(setting) = \(given): expected \(expected)")
    }
    return command
  }

  /// `step = N`: a whole number of steps, 0 or more.
  private static func step(_ value: Any?) throws(Problem) -> Int {
    let number = (value as? Double) ?? (value as? Int).map(Double.init)
    guard let value, !ConfigFile.isBoolean(value), let number, number >= 0, number <= 1e15,
      let step = Int(exactly: number)
    else { throw Problem("a change needs step = N, the whole number of steps taken before it (0 or more)") }
    return step
  }

  /// The script's changes as `[[change]]` tables, one blank line between them; numbers at full
  /// precision, so reading them back gives the same commands.
  static func toml(_ script: ReplayScript) -> String {
    script.changes.compactMap { change -> String? in
      guard let setting = ReplayScript.setting(of: change.command) else { return nil }
      let value: String
      if setting.name == "undo" {
        value = "true"
      } else if let text = setting.text {
        value = TOMLText.string(text)
      } else {
        value = setting.value.map(Format.exact) ?? TOMLText.string("off")
      }
      return "[[change]]\nstep = \(change.step)\n\(setting.name) = \(value)\n"
    }.joined(separator: "\n")
  }
}
