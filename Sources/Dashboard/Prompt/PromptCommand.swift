import NN
import Training

/// The commands of the `:` prompt, by the word that starts them.
///
/// The hyper-parameter commands come from the `Hyperparameter` table (word, range, help); the
/// others are listed here.
public enum PromptCommand: Hashable, Sendable, CaseIterable {
  /// Set a hyper-parameter: `lr 3e-4` (also `lr *0.5`, `lr /2`), `momentum 0.95`, `clip off`, …
  case setting(Hyperparameter)
  /// `optimizer adamw`.
  case optimizer
  /// `schedule cosine`.
  case schedule
  /// `save`, `save path`.
  case save
  /// `pause`.
  case pause
  /// `resume`.
  case resume
  /// `step`.
  case step
  /// `run 100`, `run 2e`; `run` alone resumes.
  case run
  /// `until val_accuracy>0.98`, `until off`.
  case until
  /// `undo`.
  case undo
  /// `lr-find`.
  case lrFind
  /// `epochs 20`.
  case epochs
  /// `dropout 0.1`.
  case dropout
  /// `batch 256`.
  case batch
  /// `stop`.
  case stop
  /// `smoothing 0.8` (UI only).
  case smoothing
  /// `log on`, `log off` (UI only).
  case log
  /// `goto step 1200`, `goto epoch 3`, `goto end` (`traintop view`'s time cursor).
  case goto
  /// `fork lr 3e-4`: a copy of the run continues with the change beside it.
  case fork
  /// `keep A`, `keep B`: keep one run after a fork, stop the others.
  case keep
  /// `help`.
  case help

  /// Every command, hyper-parameters first (in table order).
  public static var allCases: [PromptCommand] {
    Hyperparameter.allCases.map(PromptCommand.setting)
      + [
        .optimizer, .schedule, .epochs, .dropout, .batch, .save, .pause, .resume, .step, .run, .until, .undo, .lrFind,
        .stop,
        .smoothing, .log, .fork, .keep, .goto, .help,
      ]
  }

  /// The word that starts the command.
  public var word: String {
    switch self {
    case .setting(let knob): knob.promptWord
    case .optimizer: "optimizer"
    case .schedule: "schedule"
    case .save: "save"
    case .pause: "pause"
    case .resume: "resume"
    case .step: "step"
    case .run: "run"
    case .until: "until"
    case .undo: "undo"
    case .lrFind: "lr-find"
    case .epochs: "epochs"
    case .dropout: "dropout"
    case .batch: "batch"
    case .stop: "stop"
    case .smoothing: "smoothing"
    case .log: "log"
    case .goto: "goto"
    case .fork: "fork"
    case .keep: "keep"
    case .help: "help"
    }
  }

  /// The command a (lower-case) word starts, if any.
  public init?(word: String) {
    guard let match = Self.allCases.first(where: { $0.word == word }) else { return nil }
    self = match
  }

  /// How to write the command.
  public var usage: String {
    switch self {
    case .setting(.learningRate): "lr <rate> | lr *<factor> | lr /<divisor>"
    case .setting(let knob) where knob.canBeOff: "\(word) <\(knob.range.expected)> | \(word) off"
    case .setting(let knob): "\(word) <\(knob.range.expected)>"
    case .optimizer: "optimizer <" + OptimizerKind.allCases.map(\.rawValue).joined(separator: "|") + ">"
    case .schedule: "schedule <" + ScheduleName.allCases.map(\.rawValue).joined(separator: "|") + ">"
    case .save: "save [path]"
    case .smoothing: "smoothing <0…0.99>"
    case .log: "log on|off"
    case .goto: "goto <step> | goto step <N> | goto epoch <N> | goto start | goto end"
    case .fork: "fork <change>, e.g. fork lr 3e-4, fork optimizer sgd (\(PromptCommand.runLimit) runs at most)"
    case .keep: "keep <run>, e.g. keep B"
    case .run: "run [<steps> | <epochs>e]"
    case .epochs: "epochs <1…10000000>"
    case .dropout: "dropout <[0, 1)>"
    case .batch: "batch <1…1048576>"
    case .until: "until <metric>(>|<)<value> | until off"
    case .pause, .resume, .step, .stop, .undo, .lrFind, .help: word
    }
  }

  /// The short form for the help overlay's command column.
  public var shortUsage: String {
    switch self {
    case .setting(.learningRate): "lr <rate>|*<f>|/<d>"
    case .setting(let knob) where knob.canBeOff: "\(word) <value>|off"
    case .setting: "\(word) <value>"
    case .optimizer, .schedule: "\(word) <name>"
    case .run: "run [N|Ne]"
    case .until: "until val_accuracy>0.98"
    case .goto: "goto step N|epoch N|end"
    case .fork: "fork <change>"
    case .keep: "keep A|B"
    default: usage
    }
  }

  /// What the command does, for the help overlay.
  public var summary: String {
    switch self {
    case .setting(.learningRate): "set, scale or divide the learning rate"
    case .setting(let knob): knob.summary
    case .optimizer: "switch optimizer"
    case .schedule: "switch learning-rate schedule"
    case .save: "save a checkpoint"
    case .pause: "pause training"
    case .resume: "resume training"
    case .step: "one step while paused"
    case .run: "run N steps (or Ne epochs), then pause"
    case .until: "pause when a metric crosses a value"
    case .undo: "back to before the last change"
    case .lrFind: "LR range test on a copy; Enter applies"
    case .epochs: "lengthen or shorten the run"
    case .dropout: "every dropout layer's rate"
    case .batch: "mini-batch size from the next epoch"
    case .stop: "stop training now"
    case .smoothing: "loss smoothing weight"
    case .log: "loss log scale"
    case .goto: "view: move the time cursor"
    case .fork: "race a copy with a change (\(PromptCommand.runLimit) runs max)"
    case .keep: "keep one run, stop the other"
    case .help: "show this help"
    }
  }

  /// The words that may follow the command, for Tab completion (empty for free values).
  public var completions: [String] {
    switch self {
    case .optimizer: OptimizerKind.allCases.map(\.rawValue)
    case .schedule: ScheduleName.allCases.map(\.rawValue)
    case .log: ["on", "off"]
    case .goto: ["step", "epoch", "start", "end"]
    case .until: EarlyStoppingMonitor.allCases.map(\.rawValue) + ["off"]
    case .setting(let knob) where knob.canBeOff: ["off"]
    default: []
    }
  }

  /// True when the command never takes a value.
  public var takesNoArgument: Bool {
    switch self {
    case .pause, .resume, .step, .stop, .undo, .lrFind, .help: true
    default: false
    }
  }
}

extension PromptCommand {
  /// How many runs may train at once after `:fork` (one per core of a two-core machine).
  public static let runLimit = 2
}
