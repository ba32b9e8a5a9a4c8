import ArgumentParser
import Foundation
import Training

/// `traintop changes RUN`: a steered run's manual changes as a config file of `[[change]]` tables,
/// which `traintop train … --config FILE` applies at the same steps.
struct ChangesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "changes",
    abstract: "Write a steered run's manual changes (settings, optimizer, schedule, epochs, dropout, batch size, "
      + "undo) as [[change]] tables that --config applies at the same steps.",
    discussion: """
      Each change is a table with the number of steps taken before it and one setting:
        [[change]]
        step = 120
        lr = 0.0003
      Train with the run's options and the file to make the same run again, e.g.
        traintop changes runs/2026-12-03-120000-digits -o steered.toml
        traintop train digits --config steered.toml
      Options may sit above the first table; the tables can be edited or written by hand.
      """)

  @Argument(help: "The run directory whose events.jsonl holds the changes.")
  var runDirectory: String

  @Option(name: .shortAndLong, help: "Write the file here (atomically) instead of printing it.")
  var output: String?

  func run() throws {
    let directory = URL(fileURLWithPath: runDirectory)
    let record = try RunRecord.load(runDirectory: directory)
    let script: ReplayScript
    do {
      script = try ReplayScript.load(from: directory.appendingPathComponent(RunLogFile.events.rawValue))
    } catch RunLogError.unreadable(let path) {
      throw CLIError.input("\(path): cannot read the run's events")
    } catch {
      throw CLIError.data("\(error)")
    }
    let text = Self.file(script, run: directory.lastPathComponent, commandLine: record.commandLine)
    guard let output else {
      print(text, terminator: "")
      return
    }
    do { try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: output)) } catch {
      throw CLIError.io("\(output): \(error)")
    }
  }

  /// The file: a comment saying where the changes come from and how to use them, then the tables.
  static func file(_ script: ReplayScript, run: String, commandLine: [String]) -> String {
    let started = (["traintop"] + commandLine.dropFirst()).joined(separator: " ")
    let count = script.changes.count
    var text = """
      # The \(count) manual change\(count == 1 ? "" : "s") of run \(run), written by `traintop changes`.
      # Each [[change]] is applied after `step` steps. The run was started as
      #   \(started)
      # With the same data, model, seed, batch size and optimizer, adding --config FILE makes the same run.

      """
    if count > 0 { text += "\n" + ChangeTable.toml(script) }
    return text
  }
}
