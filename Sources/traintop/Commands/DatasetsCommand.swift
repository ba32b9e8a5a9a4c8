import ArgumentParser
import Datasets

/// `traintop datasets`: lists the built-in datasets.
struct DatasetsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "datasets", abstract: "List the built-in datasets with shape, classes and task.")

  func run() throws {
    print(BuiltinDataset.listing())
  }
}
