import ArgumentParser
import Datasets
import Foundation
import NN
import Training

/// Everything `traintop train` needs, resolved from flags, then the config file, then defaults.
struct RunPlan {
  /// How to load the data.
  var dataset: DatasetOptions
  /// The trainer's configuration; the model sizes are completed once the data is loaded.
  var trainer: TrainerConfiguration
  /// Hidden sizes when `--model` was not given (completed with the data's inputs/outputs).
  var defaultHidden: [Int]?
  /// The folder holding run directories.
  var runsDirectory: String
  /// The run name.
  var name: String
  /// Print lines instead of opening the dashboard.
  var headless: Bool
  /// Print JSON objects (headless).
  var jsonl: Bool
  /// BLAS threads.
  var threads: Int

  /// Resolves `options` against `config`; throws `ValidationError` (exit 64) for bad values.
  init(options o: TrainOptions, augment a: AugmentOptions, config c: ConfigFile) throws {
    let source = try Self.source(o, c)
    let defaults = DatasetDefaults.forSource(source)
    dataset = try Self.datasetOptions(source, o, a, c)
    let spec = try Self.modelSpec(o, c)
    defaultHidden = spec == nil ? defaults.hidden : nil
    trainer = TrainerConfiguration(model: spec ?? ModelSpec(sizes: [1, 1]))
    try Self.fillModelOptions(&trainer, o, c)
    try Self.fillOptimizer(&trainer, o, c, defaults)
    try Self.fillTraining(&trainer, o, c, defaults)
    try Self.fillEarlyStopping(&trainer, o, c, defaults)
    try Self.fillSchedule(&trainer, o, c)
    dataset.seed = trainer.seed
    runsDirectory = try o.runsDir ?? c.string("runs-dir") ?? "runs"
    name = try o.name ?? c.string("name") ?? Self.runName(source)
    headless = try o.headless || (c.bool("headless") ?? false)
    jsonl = try o.jsonl || (c.bool("jsonl") ?? false)
    threads = try o.threads ?? c.integer("threads") ?? 1
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") }
  }

  /// Completes the model spec with the loaded data's input and output widths, checking a given spec.
  mutating func complete(for data: Dataset) throws {
    if let hidden = defaultHidden {
      trainer.model.sizes = [data.featureCount] + hidden + [data.task.outputCount]
      return
    }
    let sizes = trainer.model.sizes
    guard sizes.first == data.featureCount, sizes.last == data.task.outputCount else {
      throw ValidationError(
        "--model \(sizes.map(String.init).joined(separator: "-")): \(data.name) needs "
          + "\(data.featureCount) inputs and \(data.task.outputCount) outputs, "
          + "e.g. \(data.featureCount)-64-\(data.task.outputCount)")
    }
  }

  private static func runName(_ source: DatasetSource) -> String {
    URL(fileURLWithPath: source.description).deletingPathExtension().lastPathComponent
  }
}

// MARK: - Sections

extension RunPlan {
  static func source(_ o: TrainOptions, _ c: ConfigFile) throws -> DatasetSource {
    if let images = try o.trainImages ?? c.string("train-images") {
      guard let labels = try o.trainLabels ?? c.string("train-labels") else {
        throw ValidationError("--train-images needs --train-labels")
      }
      let testImages = try o.testImages ?? c.string("test-images")
      let testLabels = try o.testLabels ?? c.string("test-labels")
      guard (testImages == nil) == (testLabels == nil) else {
        throw ValidationError("--test-images and --test-labels go together")
      }
      return .idxFiles(IDXFilePaths(
        trainImages: images, trainLabels: labels, testImages: testImages, testLabels: testLabels))
    }
    let name = try o.datasetArgument ?? o.dataset ?? c.string("dataset") ?? "mnist"
    return DatasetSource(argument: name)
  }

  static func datasetOptions(
    _ source: DatasetSource, _ o: TrainOptions, _ a: AugmentOptions, _ c: ConfigFile
  ) throws -> DatasetOptions {
    var d = DatasetOptions(source: source)
    if let column = try o.labelColumn ?? c.string("label-column") { d.labelColumn = ColumnSelector(argument: column) }
    if let text = try o.delimiter ?? c.string("delimiter") {
      let value = text == "tab" ? "\t" : text
      d.delimiter = try parse(DatasetOptions.Delimiter.self, value, "--delimiter", "',', ';', '|' or tab")
    }
    if let text = try o.impute ?? c.string("impute") {
      d.impute = try parse(DatasetOptions.Imputation.self, text, "--impute", "none or mean")
    }
    if let text = try o.task ?? c.string("task") {
      d.task = try parse(DatasetOptions.TaskKind.self, text, "--task", "classification or regression")
    }
    if let text = try o.scaling ?? c.string("scaling") {
      d.scaling = try parse(Scaling.self, text, "--scaling", Scaling.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if let f = try o.validationFraction ?? c.number("validation-fraction") {
      guard f > 0, f < 1 else { throw ValidationError("--validation-fraction must be in (0, 1), got \(f)") }
      d.validationFraction = f
    }
    d.augmentation = AugmentationOptions(
      shiftPixels: a.augmentShift ?? 0, rotationDegrees: a.augmentRotate ?? 0,
      noiseStandardDeviation: a.augmentNoise ?? 0)
    d.oversample = a.oversample
    do { try d.validate() } catch { throw ValidationError("\(error)") }
    return d
  }

  static func modelSpec(_ o: TrainOptions, _ c: ConfigFile) throws -> ModelSpec? {
    guard let text = try o.model ?? c.string("model") else { return nil }
    do {
      return try ModelSpec(parsing: text)
    } catch {
      throw ValidationError("--model \(text): \(error)")
    }
  }

  static func fillModelOptions(_ t: inout TrainerConfiguration, _ o: TrainOptions, _ c: ConfigFile) throws {
    if let text = try o.activation ?? c.string("activation") {
      t.model.activation = try parse(ActivationKind.self, text, "--activation", names(ActivationKind.allCases))
    }
    if let rate = try o.dropout ?? c.number("dropout") {
      guard rate >= 0, rate < 1 else { throw ValidationError("--dropout must be in [0, 1), got \(rate)") }
      t.model.dropout = rate
    }
    t.model.batchNorm = try o.batchNorm || (c.bool("batchnorm") ?? false)
    if let text = try o.initializer ?? c.string("initializer") {
      t.model.initializer = try parse(Initializer.self, text, "--initializer", names(Initializer.allCases))
    }
    if let s = try o.labelSmoothing ?? c.number("label-smoothing") {
      guard s >= 0, s < 1 else { throw ValidationError("--label-smoothing must be in [0, 1), got \(s)") }
      t.labelSmoothing = s
    }
  }
}

/// Parses an enum raw value or throws a one-line ValidationError naming the option.
func parse<T: RawRepresentable>(_ type: T.Type, _ text: String, _ option: String, _ expected: String) throws -> T
where T.RawValue == String {
  guard let value = T(rawValue: text) ?? T(rawValue: text.lowercased()) else {
    throw ValidationError("\(option): expected \(expected), got '\(text)'")
  }
  return value
}

/// The raw values of `cases`, comma-separated.
func names<T: RawRepresentable>(_ cases: [T]) -> String where T.RawValue == String {
  cases.map(\.rawValue).joined(separator: ", ")
}
