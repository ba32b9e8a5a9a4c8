import ArgumentParser
import Dashboard
import Foundation
import Terminal
import Training

/// `traintop view RUN…`: the dashboard on recorded runs, read from their files, with a time cursor;
/// a run another process is still writing is followed live.
struct ViewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "view",
    abstract: "Open the dashboard on run directories: every pane as it was, a time cursor, live follow.",
    discussion: """
      Reads config.json, metrics.csv, steps.jsonl, events.jsonl and results.json. ←/→ move the time \
      cursor by 1/100 of the run, home/end jump to the start and the end (the end follows a run that \
      another traintop is still writing), and `:goto step 1200`, `:goto epoch 3` or `:goto end` go \
      anywhere: the header, curves, early-stopping countdown and events show the run as it was then. \
      Further runs are drawn as ghost lines over the first (the header names them). Read-only: the \
      steering keys do nothing. Exit codes: 0, 65 a damaged config.json, 66 no such run, 74 no terminal.
      """)

  @Argument(help: "Run directories; the first is shown, the others overlaid.")
  var runs: [String]

  @OptionGroup var display: DisplayOptions

  func validate() throws {
    guard !runs.isEmpty else { throw ValidationError("give at least one run directory") }
  }

  func run() throws {
    let recorded = try runs.map { path -> RecordedRun in
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw CLIError.input("\(path): no such run directory")
      }
      return try RecordedRun(directory: URL(fileURLWithPath: path))
    }
    let source = RecordingSource(run: recorded[0], others: Array(recorded.dropFirst()))
    let signals = SignalHandler {}
    let app = DashboardApp(
      source: source, signals: signals, display: display.flags,
      cursor: .end)
    if let failure = app.run() { throw CLIError.io(failure) }
    if let code = signals.exitCode { throw ExitCode(code) }
  }
}
