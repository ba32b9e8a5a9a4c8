import ArgumentParser
import Dashboard
import Datasets
import NN
import Training

/// Every `traintop train` option; each may also come from `--config FILE` (flags win).
///
/// Names and help come from `OptionKey`, ranges are checked by `OptionResolver`. Options are
/// optional here so that "not given" can fall back to the config file, then to the dataset's
/// defaults.
struct TrainOptions: ParsableArguments {
  @Argument(help: "Dataset: mnist, iris, wine, digits, diabetes, a folder of IDX files, or a CSV path.")
  var datasetArgument: String?

  @Option(name: .customLong(OptionKey.dataset.name), help: .init(OptionKey.dataset.help))
  var dataset: String?
  @Option(name: .customLong(OptionKey.trainImages.name), help: .init(OptionKey.trainImages.help))
  var trainImages: String?
  @Option(name: .customLong(OptionKey.trainLabels.name), help: .init(OptionKey.trainLabels.help))
  var trainLabels: String?
  @Option(name: .customLong(OptionKey.testImages.name), help: .init(OptionKey.testImages.help))
  var testImages: String?
  @Option(name: .customLong(OptionKey.testLabels.name), help: .init(OptionKey.testLabels.help))
  var testLabels: String?
  @Option(name: .customLong(OptionKey.labelColumn.name), help: .init(OptionKey.labelColumn.help))
  var labelColumn: String?
  @Option(name: .customLong(OptionKey.delimiter.name), help: .init(OptionKey.delimiter.help))
  var delimiter: String?
  @Option(name: .customLong(OptionKey.impute.name), help: .init(OptionKey.impute.help))
  var impute: DatasetOptions.Imputation?
  @Option(name: .customLong(OptionKey.task.name), help: .init(OptionKey.task.help))
  var task: DatasetOptions.TaskKind?
  @Option(name: .customLong(OptionKey.scaling.name), help: .init(OptionKey.scaling.help))
  var scaling: Scaling?
  @Option(name: .customLong(OptionKey.validationFraction.name), help: .init(OptionKey.validationFraction.help))
  var validationFraction: Double?
  @Option(name: .customLong(OptionKey.folds.name), help: .init(OptionKey.folds.help))
  var folds: String?
  @Option(name: .customLong(OptionKey.inputShape.name), help: .init(OptionKey.inputShape.help))
  var inputShape: String?

  @Option(name: .customLong(OptionKey.model.name), help: .init(OptionKey.model.help))
  var model: String?
  @Option(name: .customLong(OptionKey.activation.name), help: .init(OptionKey.activation.help))
  var activation: ActivationKind?
  @Option(name: .customLong(OptionKey.dropout.name), help: .init(OptionKey.dropout.help))
  var dropout: Double?
  @Flag(name: .customLong(OptionKey.batchNorm.name), help: .init(OptionKey.batchNorm.help))
  var batchNorm = false
  @Option(name: .customLong(OptionKey.initializer.name), help: .init(OptionKey.initializer.help))
  var initializer: Initializer?
  @Option(name: .customLong(OptionKey.labelSmoothing.name), help: .init(OptionKey.labelSmoothing.help))
  var labelSmoothing: Double?
  @Option(name: .customLong(OptionKey.loss.name), help: .init(OptionKey.loss.help))
  var loss: LossKind?

  @Option(name: .customLong(OptionKey.optimizer.name), help: .init(OptionKey.optimizer.help))
  var optimizer: OptimizerKind?
  @Flag(name: .customLong(OptionKey.amsgrad.name), help: .init(OptionKey.amsgrad.help))
  var amsgrad = false
  @Flag(name: .customLong(OptionKey.centered.name), help: .init(OptionKey.centered.help))
  var centered = false
  @Option(name: .customLong(Hyperparameter.learningRate.optionName), help: .init(OptionKey.knob(.learningRate).help))
  var lr: LearningRateArgument?
  @Option(name: .customLong(Hyperparameter.momentum.optionName), help: .init(OptionKey.knob(.momentum).help))
  var momentum: Double?
  @Option(name: .customLong(Hyperparameter.beta1.optionName), help: .init(OptionKey.knob(.beta1).help))
  var beta1: Double?
  @Option(name: .customLong(Hyperparameter.beta2.optionName), help: .init(OptionKey.knob(.beta2).help))
  var beta2: Double?
  @Option(name: .customLong(Hyperparameter.weightDecay.optionName), help: .init(OptionKey.knob(.weightDecay).help))
  var weightDecay: Double?
  @Option(name: .customLong(Hyperparameter.l1.optionName), help: .init(OptionKey.knob(.l1).help))
  var l1: Double?
  @Option(name: .customLong(Hyperparameter.l2.optionName), help: .init(OptionKey.knob(.l2).help))
  var l2: Double?
  @Option(name: .customLong(Hyperparameter.clipNorm.optionName), help: .init(OptionKey.knob(.clipNorm).help))
  var clipNorm: Double?
  @Option(name: .customLong(Hyperparameter.clipValue.optionName), help: .init(OptionKey.knob(.clipValue).help))
  var clipValue: Double?
  @Option(name: .customLong(Hyperparameter.patience.optionName), help: .init(OptionKey.knob(.patience).help))
  var patience: Double?

  @Option(name: .customLong(OptionKey.batchSize.name), help: .init(OptionKey.batchSize.help))
  var batchSize: Double?
  @Option(name: .customLong(OptionKey.epochs.name), help: .init(OptionKey.epochs.help))
  var epochs: Double?
  @Option(name: .customLong(OptionKey.schedule.name), help: .init(OptionKey.schedule.help))
  var schedule: ScheduleName?
  @Option(name: .customLong(OptionKey.warmup.name), help: .init(OptionKey.warmup.help))
  var warmup: Double?
  @Option(name: .customLong(OptionKey.warmupSteps.name), help: .init(OptionKey.warmupSteps.help))
  var warmupSteps: Double?
  @Option(name: .customLong(OptionKey.warmupStartFactor.name), help: .init(OptionKey.warmupStartFactor.help))
  var warmupStartFactor: Double?
  @Option(name: .customLong(OptionKey.stepSize.name), help: .init(OptionKey.stepSize.help))
  var stepSize: Double?
  @Option(name: .customLong(OptionKey.gamma.name), help: .init(OptionKey.gamma.help))
  var gamma: Double?
  @Option(name: .customLong(OptionKey.minLr.name), help: .init(OptionKey.minLr.help))
  var minLr: Double?
  @Option(name: .customLong(OptionKey.restartPeriod.name), help: .init(OptionKey.restartPeriod.help))
  var restartPeriod: Double?
  @Option(name: .customLong(OptionKey.restartMult.name), help: .init(OptionKey.restartMult.help))
  var restartMult: Double?
  @Option(name: .customLong(OptionKey.pctStart.name), help: .init(OptionKey.pctStart.help))
  var pctStart: Double?
  @Option(name: .customLong(OptionKey.div.name), help: .init(OptionKey.div.help))
  var div: Double?
  @Option(name: .customLong(OptionKey.divFinal.name), help: .init(OptionKey.divFinal.help))
  var divFinal: Double?
  @Option(name: .customLong(OptionKey.plateauFactor.name), help: .init(OptionKey.plateauFactor.help))
  var plateauFactor: Double?
  @Option(name: .customLong(OptionKey.plateauPatience.name), help: .init(OptionKey.plateauPatience.help))
  var plateauPatience: Double?
  @Option(name: .customLong(OptionKey.cooldown.name), help: .init(OptionKey.cooldown.help))
  var cooldown: Double?
  @Option(name: .customLong(OptionKey.plateauConvention.name), help: .init(OptionKey.plateauConvention.help))
  var plateauConvention: PlateauConvention?

  @Option(name: .customLong(OptionKey.minDelta.name), help: .init(OptionKey.minDelta.help))
  var minDelta: Double?
  @Option(name: .customLong(OptionKey.monitor.name), help: .init(OptionKey.monitor.help))
  var monitor: EarlyStoppingMonitor?
  @Flag(name: .customLong(OptionKey.restoreBest.name), inversion: .prefixedNo, help: .init(OptionKey.restoreBest.help))
  var restoreBest: Bool?
  @Option(name: .customLong(OptionKey.baseline.name), help: .init(OptionKey.baseline.help))
  var baseline: Double?
  @Option(name: .customLong(OptionKey.startFromEpoch.name), help: .init(OptionKey.startFromEpoch.help))
  var startFromEpoch: Double?
  @Option(name: .customLong(OptionKey.divergenceThreshold.name), help: .init(OptionKey.divergenceThreshold.help))
  var divergenceThreshold: Double?

  @Option(name: .customLong(OptionKey.onNan.name), help: .init(OptionKey.onNan.help))
  var onNan: NonFinitePolicy?
  @Option(name: .customLong(OptionKey.nanLimit.name), help: .init(OptionKey.nanLimit.help))
  var nanLimit: Double?
  @Option(name: .customLong(OptionKey.rollbackFactor.name), help: .init(OptionKey.rollbackFactor.help))
  var rollbackFactor: Double?
  @Option(name: .customLong(OptionKey.seed.name), help: .init(OptionKey.seed.help))
  var seed: Double?
  @Option(name: .customLong(Hyperparameter.threads.optionName), help: .init(OptionKey.knob(.threads).help))
  var threads: Double?

  @Option(name: .customLong(OptionKey.from.name), help: .init(OptionKey.from.help))
  var from: String?
  @Flag(name: .customLong(OptionKey.fromOptimizer.name), help: .init(OptionKey.fromOptimizer.help))
  var fromOptimizer = false
  @Flag(name: .customLong(OptionKey.resetHead.name), help: .init(OptionKey.resetHead.help))
  var resetHead = false
  @Option(name: .customLong(OptionKey.freeze.name), help: .init(OptionKey.freeze.help))
  var freeze: String?
  @Option(name: .customLong(OptionKey.replay.name), help: .init(OptionKey.replay.help))
  var replay: String?
  @Option(name: .customLong(OptionKey.compare.name), help: .init(OptionKey.compare.help))
  var compare: [String] = []
  @Option(name: .customLong(OptionKey.runsDir.name), help: .init(OptionKey.runsDir.help))
  var runsDir: String?
  @Option(name: .customLong(OptionKey.name.name), help: .init(OptionKey.name.help))
  var name: String?
  @Option(name: .customLong(OptionKey.resume.name), help: .init(OptionKey.resume.help))
  var resume: String?
  @Flag(name: .customLong(OptionKey.headless.name), help: .init(OptionKey.headless.help))
  var headless = false
  @Flag(name: .customLong(OptionKey.jsonl.name), help: .init(OptionKey.jsonl.help))
  var jsonl = false
  @Option(name: .customLong(OptionKey.logSteps.name), help: .init(OptionKey.logSteps.help))
  var logSteps: Double?
  @Option(name: .customLong(OptionKey.saveEvery.name), help: .init(OptionKey.saveEvery.help))
  var saveEvery: Double?
  @Option(name: .customLong(OptionKey.keepCheckpoints.name), help: .init(OptionKey.keepCheckpoints.help))
  var keepCheckpoints: Double?
  @Option(name: .customLong(OptionKey.tensorboard.name), help: .init(OptionKey.tensorboard.help))
  var tensorboard: OnOff?
  @OptionGroup var display: DisplayOptions
  @Option(help: "Read options from a TOML or JSON file; command-line flags override it.")
  var config: String?

  @OptionGroup(title: "Augmentation") var augment: AugmentOptions
  @OptionGroup(title: "Health alerts") var alerts: AlertOptions

  /// The value given on the command line for `key`, if any (switches only when set).
  func given(_ key: OptionKey) -> OptionValue? {
    switch key {
    case .dataset: text(datasetArgument ?? dataset)
    case .trainImages: text(trainImages)
    case .trainLabels: text(trainLabels)
    case .testImages: text(testImages)
    case .testLabels: text(testLabels)
    case .labelColumn: text(labelColumn)
    case .delimiter: text(delimiter)
    case .impute: text(impute?.rawValue)
    case .task: text(task?.rawValue)
    case .scaling: text(scaling?.rawValue)
    case .validationFraction: number(validationFraction)
    case .folds: text(folds)
    case .inputShape: text(inputShape)
    case .model: text(model)
    case .activation: text(activation?.rawValue)
    case .dropout: number(dropout)
    case .batchNorm: on(batchNorm)
    case .initializer: text(initializer?.rawValue)
    case .labelSmoothing: number(labelSmoothing)
    case .loss: text(loss?.rawValue)
    case .optimizer: text(optimizer?.rawValue)
    case .amsgrad: on(amsgrad)
    case .centered: on(centered)
    case .knob(.learningRate): lr?.optionValue
    case .knob(let knob): number(knobValue(knob))
    case .batchSize: number(batchSize)
    case .epochs: number(epochs)
    case .schedule: text(schedule?.rawValue)
    case .warmup: number(warmup)
    case .warmupSteps: number(warmupSteps)
    case .warmupStartFactor: number(warmupStartFactor)
    case .plateauConvention: text(plateauConvention?.rawValue)
    case .stepSize: number(stepSize)
    case .gamma: number(gamma)
    case .minLr: number(minLr)
    case .restartPeriod: number(restartPeriod)
    case .restartMult: number(restartMult)
    case .pctStart: number(pctStart)
    case .div: number(div)
    case .divFinal: number(divFinal)
    case .plateauFactor: number(plateauFactor)
    case .plateauPatience: number(plateauPatience)
    case .cooldown: number(cooldown)
    case .minDelta: number(minDelta)
    case .monitor: text(monitor?.rawValue)
    case .restoreBest: restoreBest.map(OptionValue.bool)
    case .baseline: number(baseline)
    case .startFromEpoch: number(startFromEpoch)
    case .divergenceThreshold: number(divergenceThreshold)
    case .onNan: text(onNan?.rawValue)
    case .nanLimit: number(nanLimit)
    case .rollbackFactor: number(rollbackFactor)
    case .seed: number(seed)
    case .from: text(from)
    case .fromOptimizer: on(fromOptimizer)
    case .resetHead: on(resetHead)
    case .freeze: text(freeze)
    case .replay: text(replay)
    case .compare: text(compare.isEmpty ? nil : compare.joined(separator: ","))
    case .runsDir: text(runsDir)
    case .name: text(name)
    case .resume: text(resume)
    case .headless: on(headless)
    case .jsonl: on(jsonl)
    case .logSteps: number(logSteps)
    case .saveEvery: number(saveEvery)
    case .keepCheckpoints: number(keepCheckpoints)
    case .tensorboard: text(tensorboard?.rawValue)
    case .color: text(display.color?.rawValue)
    case .theme: text(display.theme?.rawValue)
    case .noMouse: on(display.noMouse)
    case .augmentShift: number(augment.augmentShift)
    case .augmentRotate: number(augment.augmentRotate)
    case .augmentZoom: number(augment.augmentZoom)
    case .augmentFlip: on(augment.augmentFlip)
    case .augmentBrightness: number(augment.augmentBrightness)
    case .augmentContrast: number(augment.augmentContrast)
    case .augmentNoise: number(augment.augmentNoise)
    case .oversample: on(augment.oversample)
    case .alert(let threshold): number(alerts.value(threshold))
    case .onAlert: text(alerts.onAlert.isEmpty ? nil : alerts.onAlert.joined(separator: ","))
    }
  }

  private func knobValue(_ knob: Hyperparameter) -> Double? {
    switch knob {
    case .learningRate: nil  // read as a LearningRateArgument by `given`
    case .momentum: momentum
    case .beta1: beta1
    case .beta2: beta2
    case .weightDecay: weightDecay
    case .l1: l1
    case .l2: l2
    case .clipNorm: clipNorm
    case .clipValue: clipValue
    case .patience: patience
    case .threads: threads
    }
  }

  private func text(_ value: String?) -> OptionValue? { value.map(OptionValue.string) }
  private func number(_ value: Double?) -> OptionValue? { value.map(OptionValue.number) }
  /// A switch given on the command line is on; one not given leaves the config file's say.
  private func on(_ value: Bool) -> OptionValue? { value ? .bool(true) : nil }
}

/// Options for data augmentation and class balance (training batches only).
struct AugmentOptions: ParsableArguments {
  @Option(name: .customLong(OptionKey.augmentShift.name), help: .init(OptionKey.augmentShift.help))
  var augmentShift: Double?
  @Option(name: .customLong(OptionKey.augmentRotate.name), help: .init(OptionKey.augmentRotate.help))
  var augmentRotate: Double?
  @Option(name: .customLong(OptionKey.augmentZoom.name), help: .init(OptionKey.augmentZoom.help))
  var augmentZoom: Double?
  @Flag(name: .customLong(OptionKey.augmentFlip.name), help: .init(OptionKey.augmentFlip.help))
  var augmentFlip = false
  @Option(name: .customLong(OptionKey.augmentBrightness.name), help: .init(OptionKey.augmentBrightness.help))
  var augmentBrightness: Double?
  @Option(name: .customLong(OptionKey.augmentContrast.name), help: .init(OptionKey.augmentContrast.help))
  var augmentContrast: Double?
  @Option(name: .customLong(OptionKey.augmentNoise.name), help: .init(OptionKey.augmentNoise.help))
  var augmentNoise: Double?
  @Flag(name: .customLong(OptionKey.oversample.name), help: .init(OptionKey.oversample.help))
  var oversample = false
}

/// The health monitor's thresholds and `--on-alert`.
struct AlertOptions: ParsableArguments {
  @Option(name: .customLong(HealthThreshold.spikeSigma.optionName), help: .init(HealthThreshold.spikeSigma.help))
  var spikeSigma: Double?
  @Option(name: .customLong(HealthThreshold.stallSteps.optionName), help: .init(HealthThreshold.stallSteps.help))
  var stallSteps: Double?
  @Option(
    name: .customLong(HealthThreshold.explodeFactor.optionName), help: .init(HealthThreshold.explodeFactor.help))
  var explodeFactor: Double?
  @Option(name: .customLong(HealthThreshold.vanishFloor.optionName), help: .init(HealthThreshold.vanishFloor.help))
  var vanishFloor: Double?
  @Option(name: .customLong(HealthThreshold.vanishSteps.optionName), help: .init(HealthThreshold.vanishSteps.help))
  var vanishSteps: Double?
  @Option(
    name: .customLong(HealthThreshold.deadFraction.optionName), help: .init(HealthThreshold.deadFraction.help))
  var deadFraction: Double?
  @Option(
    name: .customLong(HealthThreshold.overfitEpochs.optionName), help: .init(HealthThreshold.overfitEpochs.help))
  var overfitEpochs: Double?
  @Option(name: .customLong(HealthThreshold.oscillation.optionName), help: .init(HealthThreshold.oscillation.help))
  var oscillation: Double?
  @Option(name: .customLong(OptionKey.onAlert.name), help: .init(OptionKey.onAlert.help))
  var onAlert: [String] = []

  /// The value given for `threshold`, if any.
  func value(_ threshold: HealthThreshold) -> Double? {
    switch threshold {
    case .spikeSigma: spikeSigma
    case .stallSteps: stallSteps
    case .explodeFactor: explodeFactor
    case .vanishFloor: vanishFloor
    case .vanishSteps: vanishSteps
    case .deadFraction: deadFraction
    case .overfitEpochs: overfitEpochs
    case .oscillation: oscillation
    }
  }
}

/// One option value, from the command line or a config file.
enum OptionValue: Equatable {
  case string(String)
  case number(Double)
  case bool(Bool)
}
