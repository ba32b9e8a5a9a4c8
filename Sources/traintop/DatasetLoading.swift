import Datasets
import Foundation

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

extension DatasetSource {
  /// The source's short name: `mnist`, `digits`, or a file's name without its extension — the
  /// default run name, `traintop runs`' dataset column and what `c` and `view` match and show.
  var shortName: String {
    URL(fileURLWithPath: description).deletingPathExtension().lastPathComponent
  }
}
