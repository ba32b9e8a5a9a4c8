import Dashboard
import Datasets
import Foundation
import NN
import Training

/// What coverage-guided fuzzing (`make libfuzzer`) feeds its inputs to: each is a reader of outside
/// input that must refuse bad bytes with an error, never trap. The in-process harness
/// (`make fuzz`, `FuzzBudget`) covers these and the readers inside the `traintop` executable.
enum FuzzTarget: String, CaseIterable {
  /// The model language (`--model`).
  case model
  /// A prompt line (`:lr 3e-4`).
  case prompt
  /// A safetensors file (checkpoints, `--from`).
  case safetensors
  /// A CSV file, loaded as `traintop train data.csv` would load it.
  case csv
  /// An IDX images file with a fixed labels file, loaded as an IDX folder would be.
  case idx

  /// `model|prompt|…`.
  static var names: String { allCases.map(\.rawValue).joined(separator: "|") }

  /// The target named by `TRAINTOP_FUZZ`.
  static var fromEnvironment: FuzzTarget? {
    ProcessInfo.processInfo.environment["TRAINTOP_FUZZ"].flatMap(FuzzTarget.init(rawValue:))
  }

  /// Runs one input through the target; errors are the expected outcome of bad input.
  func run(_ input: [UInt8]) {
    switch self {
    case .model: _ = try? ModelSpec(parsing: String(decoding: input, as: UTF8.self))
    case .prompt: _ = PromptCommand.parse(String(decoding: input, as: UTF8.self))
    case .safetensors: _ = try? Safetensors.decode(Data(input), file: "fuzz")
    case .csv: load(input, as: "fuzz.csv", source: { .csv(path: $0) })
    case .idx: loadIDX(input)
    }
  }

  /// A scratch folder of this process's own (files are rewritten per input), removed when the
  /// process exits normally (libFuzzer's time limit ends in `exit`); a crash leaves it for a look.
  static let folder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("traintop-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: FuzzTarget.folder) }
    return url
  }()

  private func load(_ input: [UInt8], as name: String, source: (String) -> DatasetSource) {
    let file = Self.folder.appendingPathComponent(name)
    guard (try? Data(input).write(to: file)) != nil else { return }
    _ = try? DatasetLoader.load(DatasetOptions(source: source(file.path)), datasetsDirectory: Self.folder)
  }

  /// The input is the images file; the labels file holds 4 labels (0…2), so a 4-image input loads.
  private func loadIDX(_ input: [UInt8]) {
    let labels: [UInt8] = [0, 0, 8, 1, 0, 0, 0, 4, 0, 1, 2, 1]
    let labelsFile = Self.folder.appendingPathComponent("train-labels-idx1-ubyte")
    let imagesFile = Self.folder.appendingPathComponent("train-images-idx3-ubyte")
    guard (try? Data(labels).write(to: labelsFile)) != nil, (try? Data(input).write(to: imagesFile)) != nil else {
      return
    }
    let paths = IDXFilePaths(trainImages: imagesFile.path, trainLabels: labelsFile.path)
    _ = try? DatasetLoader.load(DatasetOptions(source: .idxFiles(paths)), datasetsDirectory: Self.folder)
  }
}
