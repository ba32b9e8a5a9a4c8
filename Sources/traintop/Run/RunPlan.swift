import ArgumentParser
import Dashboard
import Datasets
import Foundation
import NN
import Tensor
import Training

/// Everything `traintop train` needs, resolved from flags, then the config file, then defaults.
struct RunPlan: Equatable {
  /// How to load the data.
  var dataset: DatasetOptions
  /// The trainer's configuration; the model sizes are completed once the data is loaded.
  var trainer: TrainerConfiguration
  /// Hidden sizes when the model is the dataset's MLP (completed with the data's inputs/outputs).
  var defaultHidden: [Int]?
  /// Whether the model is still to be chosen from the data (a default for data of unknown kind).
  var modelFromData: Bool
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
  /// `--lr auto`: run the LR range test before training and use its valley suggestion.
  var autoLearningRate = false
  /// `--from`: the run directory or checkpoint the weights come from, with `--from-optimizer` and
  /// `--reset-head`.
  var from: String?
  /// `--replay RUN`: that run's manual changes, applied at the same steps.
  var replay: String?
  /// The config file's `[[change]]` tables, applied at their steps.
  var changes: ScheduledChanges?

  /// A config file's `[[change]]` tables and the file's path (for the event that announces them).
  struct ScheduledChanges: Equatable {
    var script: ReplayScript
    var file: String
  }
  /// `--folds`: cross-validate instead of training once.
  var folds: FoldCount?
  /// `--compare RUN…`: finished runs drawn as ghost lines.
  var compare: [String] = []
  var fromOptimizer = false
  var resetHead = false
  /// `--tensorboard`: whether the run writes TensorBoard's event file.
  var tensorBoard = true
  /// `--color`, `--theme`, `--no-mouse` (nil or false: the user config decides).
  var display = DisplayFlags()

  /// Resolves the command line against `config`; throws `ValidationError` or `ConfigError`
  /// (both exit 64) for bad values.
  init(options: TrainOptions, config: ConfigFile) throws {
    let r = OptionResolver(commandLine: options, config: config)
    let source = try Self.source(r)
    let defaults = DatasetDefaults.forSource(source)
    dataset = try Self.datasetOptions(source, r)
    let choice = try Self.modelChoice(r)
    modelFromData = choice == nil && defaults.model == nil
    let spec = Self.spec(for: choice ?? .named(defaults.model ?? .mlp))
    defaultHidden = spec == nil ? defaults.hidden : nil
    trainer = TrainerConfiguration(model: spec ?? ModelSpec(sizes: [1, 1]))
    try Self.fillModel(&trainer, r, named: choice == nil ? defaults.model : nil)
    try Self.fillOptimizer(&trainer, r, defaults)
    autoLearningRate = try r.string(.knob(.learningRate))?.lowercased() == "auto"
    try Self.fillTraining(&trainer, r, defaults)
    try Self.fillEarlyStopping(&trainer, r, defaults)
    try Self.fillSchedule(&trainer, r)
    trainer.alerts = try Self.alertSettings(r)
    dataset.seed = trainer.seed
    runsDirectory = try r.string(.runsDir) ?? "runs"
    name = try r.string(.name) ?? source.shortName
    headless = try r.isOn(.headless) ?? false
    if headless, let pausing = trainer.alerts?.actions.first(where: { $0.value == .pause }) {
      throw ValidationError(
        "--on-alert \(pausing.key.rawValue)=pause: a headless run cannot be resumed; use stop or lr*F")
    }
    jsonl = try r.isOn(.jsonl) ?? false
    tensorBoard = try r.choice(.tensorboard, as: OnOff.self) != .off
    display.colorMode = try r.choice(.color, as: ColorMode.self)
    display.theme = try r.choice(.theme, as: Theme.self)
    display.noMouse = try r.isOn(.noMouse) ?? false
    threads = try r.integer(.knob(.threads)) ?? 1
    trainer.threads = threads
    do { try trainer.validate() } catch { throw ValidationError("--\(error)") }
    resume = try r.string(.resume)
    from = try r.string(.from)
    replay = try r.string(.replay)
    if let script = config.changes, !script.changes.isEmpty {
      guard replay == nil else {
        throw ValidationError("--replay and the [[change]] tables of \(config.path) both schedule changes: give one")
      }
      changes = ScheduledChanges(script: script, file: config.path)
    }
    compare = try r.string(.compare).map { $0.split(separator: ",").map(String.init) } ?? []
    fromOptimizer = try r.isOn(.fromOptimizer) ?? false
    resetHead = try r.isOn(.resetHead) ?? false
    if from == nil, fromOptimizer || resetHead {
      throw ValidationError("--from-optimizer and --reset-head go with --from RUN")
    }
    trainer.freeze = try r.string(.freeze).map { $0.split(separator: ",").map(String.init) }
    folds = try r.parsed(.folds, FoldCount.init(parsing:))
    if folds != nil, resume != nil {
      throw ValidationError("--folds with --resume: a cross-validation starts afresh (resume one fold's run by itself)")
    }
  }

  /// Completes the model with the loaded data: an MLP's input and output widths, a layer stack's
  /// input shape and output count; then checks that the model fits the data.
  mutating func complete(for data: Dataset) throws {
    if modelFromData, let image = Self.imageInput(data), image[1] >= 4, image[2] >= 4 {
      trainer.model = ModelSpec(layers: NamedModel.cnnSmall.layers ?? [], initializer: trainer.model.initializer)
      defaultHidden = nil
    }
    if let hidden = defaultHidden {
      trainer.model.sizes = [data.featureCount] + hidden + [data.task.outputCount]
    }
    if trainer.model.layers != nil { try completeLayers(for: data) }
    do { try trainer.validate() } catch { throw ValidationError("--\(error) (\(data.name))") }
    let model = trainer.model
    guard model.inputFeatures == data.featureCount, model.outputFeatures == data.task.outputCount else {
      let text = model.layers == nil ? model.sizes.map(String.init).joined(separator: "-") : model.description
      throw ValidationError(
        "--model \(text): \(data.name) needs \(data.featureCount) inputs and \(data.task.outputCount) outputs, "
          + (model.layers == nil
            ? "e.g. \(data.featureCount)-64-\(data.task.outputCount)"
            : "e.g. end with dense\(data.task.outputCount), or a bare dense"))
    }
    if let freeze = trainer.freeze {
      var rng = SeededGenerator(seed: trainer.seed)
      do { try Sequential(spec: trainer.model, rng: &rng).freeze(freeze) } catch {
        throw ValidationError("--freeze \(freeze.joined(separator: ",")): \(error)")
      }
    }
  }

  /// A layer stack's input shape (the data's image as `[channels, height, width]`, else its
  /// features) and its bare `dense`, which becomes the data's output count.
  private mutating func completeLayers(for data: Dataset) throws {
    guard var layers = trainer.model.layers else { return }
    let image = Self.imageInput(data)
    for index in layers.indices where layers[index] == .dense(nil) {
      guard index == layers.count - 1 else {
        throw ValidationError("--model \(trainer.model): only the last layer may be a bare dense (layer \(index + 1))")
      }
      layers[index] = .dense(data.task.outputCount)
    }
    trainer.model.layers = layers
    trainer.model.inputShape = image ?? [data.featureCount]
  }

  /// `[channels, height, width]` of the data's images, if its samples are images.
  static func imageInput(_ data: Dataset) -> [Int]? {
    data.imageShape.map { [$0.channels, $0.height, $0.width] }
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
      noiseStandardDeviation: try r.number(.augmentNoise) ?? 0, zoom: try r.number(.augmentZoom) ?? 0,
      horizontalFlip: try r.isOn(.augmentFlip) ?? false, brightness: try r.number(.augmentBrightness) ?? 0,
      contrast: try r.number(.augmentContrast) ?? 0)
    d.oversample = try r.isOn(.oversample) ?? false
    d.imageShape = try r.string(.inputShape).map(Self.imageShape)
    do { try d.validate() } catch { throw ValidationError("\(error)") }
    return d
  }

  /// `3x8x8` (channels × height × width; a CSV row then holds channel 0's pixels row by row, then
  /// channel 1's, as PyTorch flattens an image) or `8x8` (one channel).
  static func imageShape(_ text: String) throws -> ImageShape {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
    let usage = "--input-shape \(text): expected CxHxW or HxW with sides 1…65536, e.g. 1x8x8"
    guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.map { (1...65_536).contains($0) } ?? false })
    else { throw ValidationError(usage) }
    let sides = parts.compactMap { $0 }
    return ImageShape(
      height: sides[sides.count - 2], width: sides[sides.count - 1], channels: sides.count == 3 ? sides[0] : 1)
  }

  /// What `--model` asks for: a named architecture or a description.
  enum ModelChoice: Equatable {
    case named(NamedModel)
    case described(ModelSpec)
  }

  static func modelChoice(_ r: OptionResolver) throws -> ModelChoice? {
    guard let text = try r.string(.model) else { return nil }
    if let named = NamedModel(rawValue: text.lowercased()) { return .named(named) }
    do {
      return .described(try ModelSpec(parsing: text))
    } catch {
      throw ValidationError("--model \(text): \(error)")
    }
  }

  /// The spec for `choice`; `nil` for `mlp` (completed from the dataset's hidden sizes).
  static func spec(for choice: ModelChoice) -> ModelSpec? {
    switch choice {
    case .named(let named): named.layers.map { ModelSpec(layers: $0) }
    case .described(let spec): spec
    }
  }

  /// The MLP options (`--activation`, `--dropout`, `--batchnorm`), which a layer stack writes in
  /// its layers instead; `named` is the dataset's default model, for the message.
  static func fillModel(_ t: inout TrainerConfiguration, _ r: OptionResolver, named: NamedModel?) throws {
    if t.model.layers != nil {
      for key in [OptionKey.activation, .dropout, .batchNorm] where r.isGiven(key) {
        let origin = named.map { "the default model here is \($0.rawValue)" } ?? "--model is a layer stack"
        throw ValidationError(
          "\(key.flag) applies to an MLP given by sizes, and \(origin): add --model mlp, "
            + "or write relu, bn or dropout<rate> into the layers")
      }
    }
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
    let auto = try r.string(.knob(.learningRate))?.lowercased() == "auto"
    s.learningRate = auto ? d.learningRate : try r.number(.knob(.learningRate)) ?? d.learningRate
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
    t.saveEvery = try r.integer(.saveEvery)
    t.keepCheckpoints = try r.integer(.keepCheckpoints)
    if t.keepCheckpoints != nil, t.saveEvery == nil {
      throw ValidationError("--keep-checkpoints keeps epoch checkpoints: give --save-every N too")
    }
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

// MARK: - Health alerts

extension RunPlan {
  /// The health monitor's thresholds and `--on-alert` actions (nil when every one is the default).
  static func alertSettings(_ r: OptionResolver) throws -> HealthSettings? {
    var settings = HealthSettings()
    for threshold in HealthThreshold.allCases {
      if let value = try r.number(.alert(threshold)) { settings[threshold] = value }
    }
    settings.actions = try r.parsed(.onAlert, alertActions) ?? [:]
    return settings == HealthSettings() ? nil : settings
  }

  /// `loss-spike=pause,stall=lr*0.5` (or `all=stop`) as actions by kind; later entries win.
  static func alertActions(_ text: String) throws(OptionProblem) -> [AlertKind: AlertAction] {
    var actions: [AlertKind: AlertAction] = [:]
    for entry in text.split(separator: ",") {
      let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      let kinds = AlertKind.allCases.map(\.rawValue).joined(separator: ", ")
      guard parts.count == 2 else { throw OptionProblem(message: "expected KIND=ACTION, got '\(entry)'") }
      guard let action = AlertAction(text: parts[1]) else {
        throw OptionProblem(message: "expected \(AlertAction.spellings) after '\(parts[0])=', got '\(parts[1])'")
      }
      if parts[0].lowercased() == "all" {
        for kind in AlertKind.allCases { actions[kind] = action }
      } else if let kind = AlertKind(rawValue: parts[0].lowercased()) {
        actions[kind] = action
      } else {
        throw OptionProblem(message: "expected an alert kind (\(kinds) or all), got '\(parts[0])'")
      }
    }
    return actions
  }
}
