import ArgumentParser

/// Every `traintop train` option; each may also come from `--config FILE` (flags win).
///
/// Options are optional here so that "not given" can fall back to the config file,
/// then to the dataset's defaults. The help text states each default.
struct TrainOptions: ParsableArguments {
  @Argument(help: "Dataset: mnist, iris, wine, digits, diabetes, a folder of IDX files, or a CSV path.")
  var datasetArgument: String?

  @Option(name: .customLong("dataset"), help: "Dataset (same as the positional argument).")
  var dataset: String?
  @Option(help: "Training images (IDX). Use with --train-labels, --test-images, --test-labels.")
  var trainImages: String?
  @Option(help: "Training labels (IDX).")
  var trainLabels: String?
  @Option(help: "Test images (IDX).")
  var testImages: String?
  @Option(help: "Test labels (IDX).")
  var testLabels: String?
  @Option(help: "CSV label column, by name or 0-based index (default: label/target/class, else the last).")
  var labelColumn: String?
  @Option(help: "CSV delimiter: ',', ';' or 'tab' (default: detected).")
  var delimiter: String?
  @Option(help: "Fill missing CSV values: none or mean (default: none, an error).")
  var impute: String?
  @Option(help: "Task for a CSV: classification or regression (default: detected).")
  var task: String?
  @Option(help: "Feature scaling: standardize, minmax or none (default: standardize for tables, [0,1] for images).")
  var scaling: String?
  @Option(help: "Validation fraction carved from train (default: 0.1 for MNIST, 0.15 for tables).")
  var validationFraction: Double?

  @Option(help: "Model layer sizes, e.g. 784-256-128-10 (default: per dataset; mnist 784-256-128-10).")
  var model: String?
  @Option(help: "Activation: relu, leaky_relu, prelu, elu, sigmoid, tanh (default: relu).")
  var activation: String?
  @Option(help: "Dropout rate between hidden layers (default: 0).")
  var dropout: Double?
  @Flag(name: .customLong("batchnorm"), help: "Batch normalisation between hidden layers (default: off).")
  var batchNorm = false
  @Option(help: "Weight initialiser: xavier_uniform, xavier_normal, he_uniform, he_normal (default: by activation).")
  var initializer: String?
  @Option(help: "Label smoothing for cross-entropy (default: 0).")
  var labelSmoothing: Double?

  @Option(help: "Optimizer: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw (default: adam).")
  var optimizer: String?
  @Option(help: "Learning rate (default: per dataset; mnist 1e-3).")
  var lr: Double?
  @Option(help: "Momentum for momentum/nesterov/rmsprop (default: 0.9).")
  var momentum: Double?
  @Option(help: "Adam β1 (default: 0.9).")
  var beta1: Double?
  @Option(help: "Adam β2 (default: 0.999).")
  var beta2: Double?
  @Option(help: "Weight decay; decoupled for adamw, L2 for the others (default: 0; adamw 0.01).")
  var weightDecay: Double?
  @Option(help: "L1 penalty λ on weights (default: 0).")
  var l1: Double?
  @Option(help: "L2 penalty λ on weights (default: 0).")
  var l2: Double?
  @Option(help: "Clip gradients to this global L2 norm (default: off).")
  var clipNorm: Double?
  @Option(help: "Clip each gradient element to ±value (default: off).")
  var clipValue: Double?

  @Option(help: "Mini-batch size; 1 = stochastic, 0 = the full set (default: per dataset; mnist 128).")
  var batchSize: Int?
  @Option(help: "Epochs (default: per dataset; mnist 10).")
  var epochs: Int?
  @Option(help: "LR schedule: constant, step, exponential, cosine, cosine-restarts, plateau, onecycle (default: constant).")
  var schedule: String?
  @Option(help: "Linear warm-up in epochs (default: 0).")
  var warmup: Double?
  @Option(help: "Step decay: epochs between decays (default: 10).")
  var stepSize: Int?
  @Option(help: "Decay factor γ for step (default: 0.1) and exponential (default: 0.95) schedules.")
  var gamma: Double?
  @Option(help: "Lowest rate: cosine floor and reduce-on-plateau's min_lr (default: 0).")
  var minLr: Double?
  @Option(help: "Cosine restarts: epochs of the first cycle, T_0 (default: 10).")
  var restartPeriod: Int?
  @Option(help: "Cosine restarts: cycle length multiplier, T_mult (default: 2).")
  var restartMult: Int?
  @Option(help: "One-cycle: fraction of the run spent warming up (default: 0.25).")
  var pctStart: Double?
  @Option(help: "One-cycle: initial rate = lr / div (default: 25).")
  var div: Double?
  @Option(help: "One-cycle: final rate = initial / div-final (default: 1e5).")
  var divFinal: Double?
  @Option(help: "Reduce on plateau: factor (default: 0.1).")
  var plateauFactor: Double?
  @Option(help: "Reduce on plateau: patience in epochs (default: 10).")
  var plateauPatience: Int?
  @Option(help: "Reduce on plateau: cooldown epochs after a reduction (default: 0).")
  var cooldown: Int?

  @Option(help: "Early-stopping patience in epochs; 0 disables early stopping (default: per dataset; mnist 5).")
  var patience: Int?
  @Option(help: "Minimum change that counts as an improvement (default: 0, as Keras).")
  var minDelta: Double?
  @Option(help: "Monitored value: val_loss, val_accuracy, val_r2, train_loss, train_accuracy (default: val_loss).")
  var monitor: String?
  @Flag(inversion: .prefixedNo, help: "Restore the best epoch's weights when stopping early (default: off, as Keras).")
  var restoreBest: Bool?

  @Option(help: "On a NaN/Inf loss or gradient: rollback, stop or ignore (default: rollback).")
  var onNan: String?
  @Option(help: "Bad steps in a row before a rollback (default: 3).")
  var nanLimit: Int?
  @Option(help: "Learning-rate factor applied at a rollback (default: 0.5).")
  var rollbackFactor: Double?
  @Option(help: "Random seed (default: 42).")
  var seed: UInt64?
  @Option(help: "BLAS threads, 1 or more (default: 1; one thread does not collapse when another process takes a core).")
  var threads: Int?

  @Option(help: "Folder for run directories (default: runs).")
  var runsDir: String?
  @Option(help: "Run name, used in the run directory (default: the dataset name).")
  var name: String?
  @Option(help: "Resume the run in this run directory from its last checkpoint.")
  var resume: String?
  @Flag(help: "No dashboard: print one line per epoch (automatic when stdout is not a terminal).")
  var headless = false
  @Flag(help: "Headless: print one JSON object per epoch instead of text.")
  var jsonl = false
  @Option(help: "Read options from a TOML or JSON file; command-line flags override it.")
  var config: String?
}

/// Options for data augmentation and class balance (training batches only).
struct AugmentOptions: ParsableArguments {
  @Option(help: "Augment images: random shift up to ±N pixels (default: 0, off).")
  var augmentShift: Int?
  @Option(help: "Augment images: random rotation up to ±θ degrees (default: 0, off).")
  var augmentRotate: Double?
  @Option(help: "Augment: Gaussian noise with this standard deviation (default: 0, off).")
  var augmentNoise: Double?
  @Flag(help: "Oversample minority classes in the training split (default: off).")
  var oversample = false
}
