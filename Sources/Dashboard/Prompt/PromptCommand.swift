import NN
import Training

/// The commands of the `:` prompt, by the word that starts them.
public enum PromptCommand: String, CaseIterable, Sendable {
  /// `lr 3e-4`, `lr *0.5`, `lr /2`.
  case lr
  /// `momentum 0.95`.
  case momentum
  /// `beta1 0.9`.
  case beta1
  /// `beta2 0.999`.
  case beta2
  /// `wd 1e-4`.
  case wd
  /// `l1 1e-5`.
  case l1
  /// `l2 1e-5`.
  case l2
  /// `optimizer adamw`.
  case optimizer
  /// `clip 1.0`, `clip off`.
  case clip
  /// `schedule cosine`.
  case schedule
  /// `patience 10`.
  case patience
  /// `save`, `save path`.
  case save
  /// `pause`.
  case pause
  /// `resume`.
  case resume
  /// `step`.
  case step
  /// `stop`.
  case stop
  /// `smoothing 0.8` (UI only).
  case smoothing
  /// `log on`, `log off` (UI only).
  case log
  /// `help`.
  case help

  /// How to write the command.
  public var usage: String {
    switch self {
    case .lr: "lr <rate> | lr *<factor> | lr /<divisor>"
    case .momentum, .beta1, .beta2: "\(rawValue) <0…1>"
    case .wd, .l1, .l2: "\(rawValue) <λ ≥ 0>"
    case .optimizer: "optimizer <" + OptimizerKind.allCases.map(\.rawValue).joined(separator: "|") + ">"
    case .clip: "clip <norm> | clip off"
    case .schedule: "schedule <" + ScheduleName.allCases.map(\.rawValue).joined(separator: "|") + ">"
    case .patience: "patience <epochs>"
    case .save: "save [path]"
    case .smoothing: "smoothing <0…0.99>"
    case .log: "log on|off"
    case .pause, .resume, .step, .stop, .help: rawValue
    }
  }

  /// What the command does, for the help overlay.
  public var summary: String {
    switch self {
    case .lr: "set, scale or divide the learning rate"
    case .momentum: "momentum (SGD, Nesterov, RMSProp)"
    case .beta1: "Adam β1"
    case .beta2: "Adam β2"
    case .wd: "weight decay"
    case .l1: "L1 penalty"
    case .l2: "L2 penalty"
    case .optimizer: "switch optimizer"
    case .clip: "clip the gradient norm, or stop clipping"
    case .schedule: "switch learning-rate schedule"
    case .patience: "early-stopping patience"
    case .save: "save a checkpoint"
    case .pause: "pause training"
    case .resume: "resume training"
    case .step: "one step while paused"
    case .stop: "stop training now"
    case .smoothing: "loss smoothing weight"
    case .log: "loss log scale"
    case .help: "show this help"
    }
  }

  /// The words that may follow the command, for Tab completion (empty for free values).
  public var completions: [String] {
    switch self {
    case .optimizer: OptimizerKind.allCases.map(\.rawValue)
    case .schedule: ScheduleName.allCases.map(\.rawValue)
    case .log: ["on", "off"]
    case .clip: ["off"]
    default: []
    }
  }

  /// True when the command never takes a value.
  public var takesNoArgument: Bool {
    switch self {
    case .pause, .resume, .step, .stop, .help: true
    default: false
    }
  }
}
