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
  /// The run and checkpoint `--from` started this one from (nil: fresh weights).
  var parent: ParentRun?
  /// Optimizer steps in an epoch at the start (absent in runs made before it was recorded): lets
  /// `traintop view` size a run it follows before its first epoch ends.
  var stepsPerEpoch: Int?
  /// `--replay` or `[[change]]` tables: the changes the run makes by itself, for `--resume` (absent
  /// when there are none, and in runs made before it was recorded).
  var scheduledChanges: ScheduledChanges?

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

/// Where a run's starting weights came from (`--from`), as config.json records it.
struct ParentRun: Codable, Equatable {
  /// The parent's run directory name (or the checkpoint's folder when it is a bare file).
  var run: String
  /// The checkpoint file, as given or found (`…/checkpoints/best.safetensors`).
  var checkpoint: String
  /// The parent's step when the checkpoint was saved, if it says.
  var step: Int?
}
