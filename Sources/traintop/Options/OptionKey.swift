import NN
import Training

/// Every `traintop train` option, by its long name: `--name` on the command line and `name` in a
/// config file. The one table of option names, value kinds, ranges and help text; the live
/// hyper-parameters come from `Hyperparameter`.
enum OptionKey: Hashable, CaseIterable {
  case dataset, trainImages, trainLabels, testImages, testLabels, labelColumn, delimiter, impute
  case task, scaling, validationFraction, folds, inputShape
  case model, activation, dropout, batchNorm, initializer, labelSmoothing, loss
  case optimizer, amsgrad, centered
  /// A live hyper-parameter (`--lr`, `--momentum`, …).
  case knob(Hyperparameter)
  case batchSize, epochs, schedule, warmup, warmupSteps, warmupStartFactor, stepSize, gamma, minLr, restartPeriod,
    restartMult
  case pctStart, div, divFinal, plateauFactor, plateauPatience, cooldown, plateauConvention
  case minDelta, monitor, restoreBest, baseline, startFromEpoch, divergenceThreshold
  case onNan, nanLimit, rollbackFactor, seed
  case from, fromOptimizer, resetHead, freeze, replay, compare
  case runsDir, name, resume, headless, jsonl, logSteps, saveEvery, keepCheckpoints, tensorboard, color, theme, noMouse
  case augmentShift, augmentRotate, augmentZoom, augmentFlip, augmentBrightness, augmentContrast, augmentNoise
  case oversample
  /// A health monitor threshold (`--alert-spike-sigma`, …).
  case alert(HealthThreshold)
  /// `--on-alert KIND=ACTION`, repeatable (a comma-separated list in a config file).
  case onAlert

  /// Every option, in `--help` order.
  static var allCases: [OptionKey] {
    [
      .dataset, .trainImages, .trainLabels, .testImages, .testLabels, .labelColumn, .delimiter, .impute,
      .task, .scaling, .validationFraction, .folds, .inputShape, .model, .activation, .dropout, .batchNorm,
      .initializer,
      .labelSmoothing, .loss, .optimizer, .amsgrad, .centered,
    ]
      + Hyperparameter.allCases.map(OptionKey.knob)
      + [
        .batchSize, .epochs, .schedule, .warmup, .warmupSteps, .warmupStartFactor, .stepSize, .gamma, .minLr,
        .restartPeriod, .restartMult,
        .pctStart, .div, .divFinal, .plateauFactor, .plateauPatience, .cooldown, .plateauConvention, .minDelta,
        .monitor,
        .restoreBest, .baseline, .startFromEpoch, .divergenceThreshold, .onNan, .nanLimit, .rollbackFactor,
        .seed, .from, .fromOptimizer, .resetHead, .freeze, .replay, .compare, .runsDir, .name, .resume, .headless,
        .jsonl,
        .logSteps,
        .saveEvery, .keepCheckpoints, .tensorboard, .color, .theme,
        .noMouse, .augmentShift,
        .augmentRotate,
        .augmentZoom, .augmentFlip, .augmentBrightness, .augmentContrast, .augmentNoise, .oversample,
      ]
      + HealthThreshold.allCases.map(OptionKey.alert) + [.onAlert]
  }

  /// The option named `name` (a config key; `_` and `-` are interchangeable), if any.
  init?(name: String) {
    let normalised = name.replacingOccurrences(of: "_", with: "-")
    guard let key = Self.allCases.first(where: { $0.name == normalised }) else { return nil }
    self = key
  }

  /// The long name: the flag without `--`, and the config key.
  var name: String {
    switch self {
    case .knob(let knob): knob.optionName
    case .alert(let threshold): threshold.optionName
    case .batchNorm: "batchnorm"
    case .onNan: "on-nan"
    case .minLr: "min-lr"
    default: Self.kebab(String(describing: self))
    }
  }

  /// `--name`.
  var flag: String { "--" + name }

  /// `validationFraction` → `validation-fraction`.
  private static func kebab(_ camel: String) -> String {
    var result = ""
    for character in camel {
      if character.isUppercase {
        result += "-" + character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// The numbers a numeric option accepts; nil for text, choices and switches.
  var range: ValueRange? {
    switch self {
    case .knob(let knob): knob.range
    case .alert(let threshold): threshold.range
    case .validationFraction, .pctStart, .plateauFactor, .rollbackFactor: .openUnitInterval
    case .dropout, .labelSmoothing: .unitInterval
    case .gamma: .leftOpenUnitInterval
    case .minLr, .minDelta, .augmentNoise: .nonNegative
    case .div, .divFinal: .greaterThanOne
    case .baseline, .divergenceThreshold: .finite
    case .batchSize: .whole(0, 1 << 20)
    case .epochs: .whole(1, 10_000_000)
    case .warmup, .startFromEpoch, .plateauPatience, .cooldown: .whole(0, 10_000_000)
    case .warmupSteps: .whole(0, 1_000_000_000)
    case .warmupStartFactor: .closedUnitInterval
    case .stepSize, .restartPeriod, .restartMult: .whole(1, 10_000_000)
    case .nanLimit: .whole(1, 1_000_000)
    case .logSteps: .whole(0, 1_000_000_000)
    case .saveEvery: .whole(1, 10_000_000)
    case .keepCheckpoints: .whole(1, 1_000_000)
    case .seed: .whole(0, 1 << 53)
    case .augmentShift: .whole(0, 64)
    case .augmentRotate: .closed(0, 180)
    case .augmentZoom: .closed(0, 0.9)
    case .augmentBrightness, .augmentContrast: .closed(0, 10)
    default: nil
    }
  }

  /// True for on/off switches (`--batchnorm`, `batchnorm = true`).
  var isSwitch: Bool {
    switch self {
    case .batchNorm, .amsgrad, .centered, .restoreBest, .headless, .jsonl, .augmentFlip, .oversample, .noMouse,
      .fromOptimizer,
      .resetHead:
      true
    default: false
    }
  }

  /// The help text with its default.
  var help: String {
    switch self {
    case .knob(let knob): Self.knobHelp(knob)
    case .alert(let threshold): threshold.help
    case .onAlert:
      "What an alert does: KIND=ACTION, repeatable; KIND is "
        + AlertKind.allCases.map(\.rawValue).joined(separator: ", ") + " or all; ACTION is "
        + AlertAction.spellings + " (default: none, only report)."
    case .dataset: "Dataset (same as the positional argument)."
    case .trainImages: "Training images (IDX). Use with --train-labels, --test-images, --test-labels."
    case .trainLabels: "Training labels (IDX)."
    case .testImages: "Test images (IDX)."
    case .testLabels: "Test labels (IDX)."
    case .labelColumn: "CSV label column, by name or 0-based index (default: label/target/class, else the last)."
    case .delimiter: "CSV delimiter: ',', ';', '|' or 'tab' (default: detected)."
    case .impute: "Fill missing CSV values (default: none, an error)."
    case .task: "Task for a CSV (default: detected)."
    case .scaling: "Feature scaling (default: standardize for tables, [0,1] for images)."
    case .validationFraction: "Validation fraction carved from train (default: 0.1 for MNIST, 0.15 for tables)."
    case .model:
      "Model: a name (\(NamedModel.allCases.map(\.rawValue).joined(separator: ", ")); see `traintop models`), "
        + "layer sizes (784-256-10) or layers (conv16k3p1-relu-maxpool2-flatten-dense10; README). "
        + "Default: per dataset (mnist cnn-small, tables mlp)."
    case .folds:
      "Cross-validate: stratified k-fold over train + validation (each fold a sub-run), or loo for "
        + "leave-one-out; reports each fold and the mean ± standard deviation (default: off)."
    case .inputShape: "The shape of each CSV row as an image, CxHxW or HxW, e.g. 1x8x8 (for conv layers)."
    case .activation: "Activation (default: relu)."
    case .dropout: "Dropout rate between hidden layers (default: 0)."
    case .batchNorm: "Batch normalisation between hidden layers (default: off)."
    case .initializer: "Weight initialiser (default: by activation)."
    case .labelSmoothing: "Label smoothing for cross-entropy (default: 0)."
    case .loss: "Loss (default: cross_entropy for classification, mse for regression)."
    case .optimizer: "Optimizer (default: adam)."
    case .amsgrad: "Adam/AdamW: use the AMSGrad maximum of the second moment (default: off)."
    case .centered: "RMSProp: normalise by the centred second moment (default: off)."
    case .batchSize: "Mini-batch size; 1 = stochastic, 0 = the full set (default: per dataset; mnist 128)."
    case .epochs: "Epochs (default: per dataset; mnist 10)."
    case .schedule: "LR schedule (default: constant)."
    case .warmup: "Linear warm-up in epochs (default: 0)."
    case .warmupSteps: "Linear warm-up in steps instead of epochs (default: none)."
    case .warmupStartFactor: "Warm-up starts at this fraction of the rate (PyTorch LinearLR; default: 0.1)."
    case .plateauConvention: "Reduce on plateau: whose rules count patience and min_delta (default: keras)."
    case .stepSize: "Step decay: epochs between decays (default: 10)."
    case .gamma: "Decay factor γ for step (default: 0.1) and exponential (default: 0.95) schedules."
    case .minLr: "Lowest rate: cosine floor and reduce-on-plateau's min_lr (default: 0)."
    case .restartPeriod: "Cosine restarts: epochs of the first cycle, T_0 (default: 10)."
    case .restartMult: "Cosine restarts: cycle length multiplier, T_mult (default: 2)."
    case .pctStart: "One-cycle: fraction of the run spent warming up (default: 0.25)."
    case .div: "One-cycle: initial rate = lr / div (default: 25)."
    case .divFinal: "One-cycle: final rate = initial / div-final (default: 1e5)."
    case .plateauFactor: "Reduce on plateau: factor (default: 0.1)."
    case .plateauPatience: "Reduce on plateau: patience in epochs (default: 10)."
    case .cooldown: "Reduce on plateau: cooldown epochs after a reduction (default: 0)."
    case .minDelta: "Minimum change that counts as an improvement (default: 0, as Keras)."
    case .monitor: "Monitored value for early stopping and plateau (default: val_loss)."
    case .restoreBest: "Restore the best epoch's weights when stopping early (default: off, as Keras)."
    case .baseline: "Early stopping: a value the monitor must beat to count as progress (Keras; default: none)."
    case .startFromEpoch: "Early stopping: ignore the first N epochs (Keras's start_from_epoch; default: 0)."
    case .divergenceThreshold: "Stop at once when the monitor is worse than this (Lightning; default: none)."
    case .onNan: "On a NaN/Inf loss or gradient (default: rollback)."
    case .color:
      "Colour in the dashboard: auto (off when NO_COLOR is set), always, never (default: user config, else auto)."
    case .theme: "Dashboard colours for a dark or light background, or monochrome (default: user config, else dark)."
    case .noMouse: "Leave the mouse to the terminal (select text) instead of clicks and the wheel (default: mouse on)."
    case .nanLimit: "Bad steps in a row before a rollback (default: 3)."
    case .rollbackFactor: "Learning-rate factor applied at a rollback (default: 0.5)."
    case .seed: "Random seed (default: 42)."
    case .runsDir: "Folder for run directories (default: runs)."
    case .name: "Run name, used in the run directory (default: the dataset name)."
    case .resume: "Resume the run in this run directory from its last checkpoint."
    case .headless: "No dashboard: print one line per epoch (automatic when stdout is not a terminal)."
    case .jsonl: "Headless: print one JSON object per epoch instead of text."
    case .from:
      "Start from another run's weights: a run directory (its best checkpoint, else last) or a .safetensors file."
    case .fromOptimizer: "With --from, carry the optimizer state too (the same optimizer kind)."
    case .resetHead: "With --from, leave the last dense layer (the classifier head) freshly initialised."
    case .freeze: "Layers that get no update, comma-separated: indices as in layers.N, or names (conv1, dense1, bn1)."
    case .compare: "Draw finished runs as ghost lines in the loss, accuracy and LR panes; comma-separated or repeated."
    case .replay:
      "Apply the manual changes recorded in RUN's events.jsonl at the same steps (give RUN's other options too)."
    case .saveEvery: "Also keep checkpoints/epoch-N.safetensors every N epochs (default: off)."
    case .keepCheckpoints: "With --save-every, keep only the newest N epoch checkpoints (best and last always stay)."
    case .tensorboard: "Also write TensorBoard's event file into the run directory (default: on)."
    case .logSteps: "Write every Nth step to steps.jsonl (about 200 bytes a line); 0: none (default: 1)."
    case .augmentShift:
      "Augment images: random shift up to ±N pixels, zero-filled (random crop with N-pixel padding) "
        + "(default: 0, off)."
    case .augmentRotate: "Augment images: random rotation up to ±θ degrees (default: 0, off)."
    case .augmentZoom: "Augment images: random zoom by a factor in [1-z, 1+z] (default: 0, off)."
    case .augmentFlip: "Augment images: mirror left-right half the time; not for digits or text (default: off)."
    case .augmentBrightness: "Augment images: scale pixel values by a factor in [1-b, 1+b] (default: 0, off)."
    case .augmentContrast: "Augment images: scale contrast about the image mean by [1-c, 1+c] (default: 0, off)."
    case .augmentNoise: "Augment: Gaussian noise with this standard deviation (default: 0, off)."
    case .oversample: "Oversample minority classes in the training split (default: off)."
    }
  }

  /// A hyper-parameter's help: its summary and default.
  private static func knobHelp(_ knob: Hyperparameter) -> String {
    let text = knob.summary.prefix(1).uppercased() + knob.summary.dropFirst()
    switch knob {
    case .learningRate:
      return text + "; auto: run lr-find first and use its valley suggestion (default: per dataset; mnist 1e-3)."
    case .momentum: return text + " (default: 0.9; rmsprop 0)."
    case .beta1: return text + " (default: 0.9)."
    case .beta2: return text + " (default: 0.999)."
    case .weightDecay: return text + " (default: 0; adamw 0.01)."
    case .l1, .l2: return text + " (default: 0)."
    case .clipNorm, .clipValue: return text + " (default: off)."
    case .patience: return text + " (default: per dataset; mnist 5)."
    case .threads: return text + " (default: 1; one thread does not collapse when another process takes a core)."
    }
  }
}
