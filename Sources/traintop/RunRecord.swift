import Datasets
import Foundation
import Tensor
import Training

/// What config.json holds: everything resolved, so a run can be resumed or evaluated exactly.
struct RunRecord: Codable {
  /// The trainer's configuration (model, optimizer, schedule, early stopping, seed, …).
  var trainer: TrainerConfiguration
  /// How the data was loaded.
  var dataset: DatasetOptions
  /// The fitted preprocessing statistics (from the training split only).
  var preprocessing: Preprocessing
  /// The dataset's one-line summary.
  var datasetSummary: String
  /// BLAS backend and thread count.
  var blas: String
  /// The command line that started the run.
  var commandLine: [String]

  /// Reads `config.json` from a run directory.
  static func load(runDirectory: URL) throws -> RunRecord {
    let url = runDirectory.appendingPathComponent(RunLogFile.config.rawValue)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw CLIError.input("\(url.path): cannot read the run's config.json")
    }
    do {
      return try TrainingJSON.decoder().decode(RunRecord.self, from: data)
    } catch {
      throw CLIError.data("\(url.path): not a traintop config.json (\(error))")
    }
  }
}

/// A user-facing failure of the command-line tool, with its exit code.
enum CLIError: Error, CustomStringConvertible {
  /// Bad options or config values (exit 64, EX_USAGE).
  case usage(String)
  /// Bad data in an input file (exit 65, EX_DATAERR).
  case data(String)
  /// A missing or unreadable input (exit 66, EX_NOINPUT).
  case input(String)
  /// The terminal could not be opened or run (exit 74, EX_IOERR).
  case io(String)

  /// The message, one line.
  var description: String {
    switch self {
    case .usage(let m), .data(let m), .input(let m), .io(let m): return m
    }
  }

  /// The sysexits-style exit code.
  var exitCode: Int32 {
    switch self {
    case .usage: return 64
    case .data: return 65
    case .input: return 66
    case .io: return 74
    }
  }
}

/// Where the shipped datasets are: $TRAINTOP_DATASETS, ./datasets, or the source tree's datasets/.
func datasetsDirectory() -> URL {
  let environment = ProcessInfo.processInfo.environment
  if let path = environment["TRAINTOP_DATASETS"] { return URL(fileURLWithPath: path) }
  let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("datasets")
  if FileManager.default.fileExists(atPath: local.appendingPathComponent("MD5SUMS").path) { return local }
  return URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("datasets")
}

/// Loads a dataset, turning its errors into CLI errors.
func loadDataset(_ options: DatasetOptions) throws -> Dataset {
  do {
    return try DatasetLoader.load(options, datasetsDirectory: datasetsDirectory())
  } catch let error as DatasetError {
    throw CLIError.data("\(error)")
  }
}
