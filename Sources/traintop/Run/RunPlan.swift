import ArgumentParser
import Datasets
import Foundation
import NN
import Training

/// Everything `traintop train` needs, resolved from flags, then the config file, then defaults.
struct RunPlan: Equatable {
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
  /// Compute threads (oneDNN).
  var threads: Int
  /// The run directory to resume, if any.
  var resume: String?

  /// Resolves the command line against `config`; throws `ValidationError` or `ConfigError`
  /// (both exit 64) for bad values.
  init(options: TrainOptions, config: ConfigFile) throws {
    let r = OptionResolver(commandLine: options, config: config)
    let source = try Self.source(r)
    let defaults = DatasetDefaults.forSource(source)
    dataset = try Self.datasetOptions(source, r)
    let spec = try Self.modelSpec(r)
    defaultHidden = spec == nil ? defaults.hidden : nil
    trainer = TrainerConfiguration(model: spec ?? ModelSpec(sizes: [1, 1]))
    try Self.fillModel(&trainer, r)
    try Self.fillOptimizer(&trainer, r, defaults)
    try Self.fillTraining(&trainer, r, defaults)
    try Self.fillEarlyStopping(&trainer, r, defaults)
    try Self.fillSchedule(&trainer, r)
    dataset.seed = trainer.seed
    runsDirectory = try r.string(.runsDir) ?? "runs"
    name = try r.string(.name) ?? Self.runName(source)
    headless = try r.isOn(.headless) ?? false
    jsonl = try r.isOn(.jsonl) ?? false
    threads = try r.integer(.knob(.threads)) ?? 1
    trainer.threads = threads
    do { try trainer.validate() } catch { throw ValidationError("--\(error)") }
    resume = try r.string(.resume)
  }

  /// Completes the model spec with the loaded data's input and output widths, checking a given spec.
  mutating func complete(for data: Dataset) throws {
    if let hidden = defaultHidden {
      trainer.model.sizes = [data.featureCount] + hidden + [data.task.outputCount]
    }
    let sizes = trainer.model.sizes
    do { try trainer.validate() } catch { throw ValidationError("--\(error) (\(data.name))") }
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

// MARK: - Data and model

extension RunPlan {
  static func source(_ r: OptionResolver) throws -> DatasetSource {
    if let images = try r.string(.trainImages) {
      guard let labels = try r.string(.trainLabels) else {
        throw ValidationError("--train-images needs --train-labels")
      }
      let testImages = try r.string(.testImages)
      let testLabels = try r.string(.testLabels)
      guard (testImages == nil) == (testLabels == nil) else {
        throw ValidationError("--test-images and --test-labels go together")
      }
      return .idxFiles(
        IDXFilePaths(
          trainImages: images, trainLabels: labels, testImages: testImages, testLabels: testLabels))
    }
    return DatasetSource(argument: try r.string(.dataset) ?? "mnist")
  }

  static func datasetOptions(_ source: DatasetSource, _ r: OptionResolver) throws -> DatasetOptions {
    var d = DatasetOptions(source: source)
    if let column = try r.string(.labelColumn) { d.labelColumn = ColumnSelector(argument: column) }
    if let text = try r.string(.delimiter) {
      guard let delimiter = DatasetOptions.Delimiter(rawValue: text == "tab" ? "\t" : text) else {
        throw ValidationError("--delimiter: expected ',', ';', '|' or tab, got '\(text)'")
      }
      d.delimiter = delimiter
    }
    d.impute = try r.choice(.impute, as: DatasetOptions.Imputation.self) ?? d.impute
    d.task = try r.choice(.task, as: DatasetOptions.TaskKind.self) ?? d.task
    d.scaling = try r.choice(.scaling, as: Scaling.self) ?? d.scaling
    d.validationFraction = try r.number(.validationFraction) ?? d.validationFraction
    d.augmentation = AugmentationOptions(
      shiftPixels: try r.integer(.augmentShift) ?? 0, rotationDegrees: try r.number(.augmentRotate) ?? 0,
      noiseStandardDeviation: try r.number(.augmentNoise) ?? 0)
    d.oversample = try r.isOn(.oversample) ?? false
    do { try d.validate() } catch { throw ValidationError("\(error)") }
    return d
  }

  static func modelSpec(_ r: OptionResolver) throws -> ModelSpec? {
    guard let text = try r.string(.model) else { return nil }
    do {
      return try ModelSpec(parsing: text)
    } catch {
      throw ValidationError("--model \(text): \(error)")
    }
  }

  static func fillModel(_ t: inout TrainerConfiguration, _ r: OptionResolver) throws {
    t.model.activation = try r.choice(.activation, as: ActivationKind.self) ?? t.model.activation
    t.model.dropout = try r.number(.dropout) ?? t.model.dropout
    t.model.batchNorm = try r.isOn(.batchNorm) ?? false
    t.model.initializer = try r.choice(.initializer, as: Initializer.self) ?? t.model.initializer
    t.labelSmoothing = try r.number(.labelSmoothing) ?? 0
    t.loss = try r.choice(.loss, as: LossKind.self)
  }
}

// MARK: - Optimizer, training, early stopping, schedule

extension RunPlan {
  static func fillOptimizer(_ t: inout TrainerConfiguration, _ r: OptionResolver, _ d: DatasetDefaults) throws {
    t.optimizer = try r.choice(.optimizer, as: OptimizerKind.self) ?? .adam
    var s = OptimizerSettings.defaults(for: t.optimizer)
    s.learningRate = try r.number(.knob(.learningRate)) ?? d.learningRate
    s.momentum = try r.number(.knob(.momentum)) ?? s.momentum
    s.beta1 = try r.number(.knob(.beta1)) ?? s.beta1
    s.beta2 = try r.number(.knob(.beta2)) ?? s.beta2
    s.weightDecay = try r.number(.knob(.weightDecay)) ?? (t.optimizer == .adamw ? 0.01 : 0)
    s.amsgrad = try r.isOn(.amsgrad) ?? false
    s.centered = try r.isOn(.centered) ?? false
    t.settings = s
    t.l1 = try r.number(.knob(.l1)) ?? 0
    t.l2 = try r.number(.knob(.l2)) ?? 0
    t.clipNorm = try r.number(.knob(.clipNorm))
    t.clipValue = try r.number(.knob(.clipValue))
  }

  static func fillTraining(_ t: inout TrainerConfiguration, _ r: OptionResolver, _ d: DatasetDefaults) throws {
    t.batchSize = try r.integer(.batchSize) ?? d.batchSize
    t.epochs = try r.integer(.epochs) ?? d.epochs
    t.schedule = try r.choice(.schedule, as: ScheduleName.self) ?? .constant
    t.warmupEpochs = try r.integer(.warmup) ?? 0
    t.warmupSteps = try r.integer(.warmupSteps)
    t.warmupStartFactor = try r.number(.warmupStartFactor)
    t.onNonFinite = try r.choice(.onNan, as: NonFinitePolicy.self) ?? .rollback
    t.nonFiniteLimit = try r.integer(.nanLimit) ?? t.nonFiniteLimit
    t.rollbackFactor = try r.number(.rollbackFactor) ?? t.rollbackFactor
    t.seed = try r.integer(.seed).map { UInt64($0) } ?? t.seed
    t.logStepsEvery = try r.integer(.logSteps)
  }

  static func fillEarlyStopping(_ t: inout TrainerConfiguration, _ r: OptionResolver, _ d: DatasetDefaults) throws {
    let patience = try r.integer(.knob(.patience)) ?? d.patience
    t.earlyStopping = EarlyStopping(
      monitor: try r.choice(.monitor, as: EarlyStoppingMonitor.self) ?? .validationLoss,
      minDelta: try r.number(.minDelta) ?? 0, patience: patience, baseline: try r.number(.baseline),
      startFromEpoch: try r.integer(.startFromEpoch) ?? 0, restoreBestWeights: try r.isOn(.restoreBest) ?? false,
      divergenceThreshold: try r.number(.divergenceThreshold))
    t.earlyStoppingEnabled = patience > 0
  }

  /// The schedule's parameters and reduce-on-plateau's.
  static func fillSchedule(_ t: inout TrainerConfiguration, _ r: OptionResolver) throws {
    var p = ScheduleParameters()
    p.stepSize = try r.integer(.stepSize) ?? p.stepSize
    if let gamma = try r.number(.gamma) {
      p.stepGamma = gamma
      p.exponentialGamma = gamma
    }
    let floor = try r.number(.minLr) ?? 0
    p.minimumRate = floor
    p.restartPeriod = try r.integer(.restartPeriod) ?? p.restartPeriod
    p.restartMultiplier = try r.integer(.restartMult) ?? p.restartMultiplier
    p.oneCyclePctStart = try r.number(.pctStart) ?? p.oneCyclePctStart
    p.oneCycleDiv = try r.number(.div) ?? p.oneCycleDiv
    p.oneCycleDivFinal = try r.number(.divFinal) ?? p.oneCycleDivFinal
    t.scheduleParameters = p
    let mode: PlateauMode = t.earlyStopping.resolvedMode == .max ? .max : .min
    t.plateau = ReduceOnPlateau(
      convention: try r.choice(.plateauConvention, as: PlateauConvention.self) ?? .keras, mode: mode,
      factor: try r.number(.plateauFactor) ?? 0.1, patience: try r.integer(.plateauPatience) ?? 10,
      cooldown: try r.integer(.cooldown) ?? 0, minimumRate: floor)
  }
}
