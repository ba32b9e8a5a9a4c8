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
  /// The compute engine (library, version, ISA) and thread count (key kept from the OpenBLAS days).
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
