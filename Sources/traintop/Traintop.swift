import ArgumentParser
import Foundation

/// The `traintop` command: train with a live dashboard, evaluate a checkpoint, list datasets.
struct Traintop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "traintop",
    abstract: "Train neural networks on the CPU and steer them live from the terminal.",
    subcommands: [TrainCommand.self, EvalCommand.self, DatasetsCommand.self],
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
      let message = Traintop.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
      fail(message, code: code == .validationFailure ? 64 : code.rawValue)
    }
  }

  /// Prints `traintop: message` on stderr and exits.
  static func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("traintop: \(message)\n".utf8))
    exit(code)
  }
}
