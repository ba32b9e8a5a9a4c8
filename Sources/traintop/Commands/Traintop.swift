import ArgumentParser
import Foundation

/// The `traintop` command: train with a live dashboard, evaluate a checkpoint, list datasets.
struct Traintop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "traintop",
    abstract: "Train neural networks on the CPU and steer them live from the terminal.",
    subcommands: [
      TrainCommand.self, SearchCommand.self, EvalCommand.self, LRFindCommand.self, RunsCommand.self, ViewCommand.self,
      ChangesCommand.self,
      DatasetsCommand.self,
      ModelsCommand.self, InfoCommand.self,
    ],
    defaultSubcommand: TrainCommand.self)
}

/// Entry point: argument errors and bad values print one line and exit 64.
@main
enum Main {
  static func main() {
    do {
      var command = try Traintop.parseAsRoot()
      try command.run()
    } catch let error as CLIError {
      fail(error.description, code: error.exitCode)
    } catch let error as ExitCode {
      exit(error.rawValue)
    } catch {
      let code = Traintop.exitCode(for: error)
      if code == .success { Traintop.exit(withError: error) }  // --help, --version
      fail(oneLine(Traintop.message(for: error)), code: code == .validationFailure ? 64 : code.rawValue)
    }
  }

  /// The parser's message on one line: its first line, with a list of allowed values
  /// (`  - sgd` lines) folded into it as `sgd, momentum, …`.
  static func oneLine(_ message: String) -> String {
    let lines = message.split(separator: "\n").map(String.init)
    guard let first = lines.first else { return message }
    let choices = lines.dropFirst().filter { $0.hasPrefix("  - ") }.map { $0.dropFirst(4) }
    return choices.isEmpty ? first : first + " " + choices.joined(separator: ", ")
  }

  /// Prints `traintop: message` on stderr and exits.
  static func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("traintop: \(message)\n".utf8))
    exit(code)
  }
}
