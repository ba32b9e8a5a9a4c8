import NN
import Tensor

/// A numeric setting that is read afresh at every step, so it can change between two steps.
///
/// This table is the one source of truth for each knob: its option name (the long CLI flag and
/// the config-file key), its prompt word, its valid range, how it is shown, and which optimizers
/// read it. The CLI, the config file, the prompt, the trainer's validation, event text and the
/// dashboard header all derive from it.
public enum Hyperparameter: String, CaseIterable, Sendable, Codable {
  case learningRate = "lr"
  case momentum
  case beta1
  case beta2
  case weightDecay = "weight-decay"
  case l1
  case l2
  case clipNorm = "clip-norm"
  case clipValue = "clip-value"
  case patience
  /// Compute threads for matrix products (oneDNN's OpenMP threads); changes between two steps.
  case threads

  /// The long option name (`--lr`) and config key (`lr`).
  public var optionName: String { rawValue }

  /// The word that sets it at the `:` prompt.
  public var promptWord: String {
    switch self {
    case .weightDecay: "wd"
    case .clipNorm: "clip"
    default: rawValue
    }
  }

  /// The short label in the header and in event text.
  public var label: String {
    switch self {
    case .learningRate: "lr"
    case .momentum: "momentum"
    case .beta1: "β1"
    case .beta2: "β2"
    case .weightDecay: "wd"
    case .l1: "l1"
    case .l2: "l2"
    case .clipNorm: "clip"
    case .clipValue: "clip-value"
    case .patience: "patience"
    case .threads: "threads"
    }
  }

  /// The values it may take (besides "off" where `canBeOff`).
  public var range: ValueRange {
    switch self {
    case .learningRate: .positive
    case .momentum, .beta1, .beta2: .unitInterval
    case .weightDecay, .l1, .l2: .nonNegative
    case .clipNorm, .clipValue: .positive
    case .patience: .whole(0, 1_000_000)
    case .threads: .whole(1, ComputeEngine.maximumThreads)
    }
  }

  /// True when "off" (no value) is allowed: clipping can be turned off.
  public var canBeOff: Bool { self == .clipNorm || self == .clipValue }

  /// What it does, for the prompt's help and (with its default) `--help`.
  public var summary: String {
    switch self {
    case .learningRate: "learning rate"
    case .momentum: "momentum (momentum, nesterov, rmsprop)"
    case .beta1: "Adam/AdamW β1"
    case .beta2: "Adam/AdamW β2"
    case .weightDecay: "weight decay (decoupled for adamw)"
    case .l1: "L1 penalty λ on weights"
    case .l2: "L2 penalty λ on weights"
    case .clipNorm: "clip the gradient's global L2 norm"
    case .clipValue: "clip each gradient element to ±value"
    case .patience: "early-stopping patience in epochs (0: off)"
    case .threads: "compute threads for matrix products"
    }
  }

  /// The optimizers whose update reads it; nil when it is not an optimizer setting (always shown
  /// when set).
  public var optimizers: Set<OptimizerKind>? {
    switch self {
    case .learningRate, .weightDecay: Set(OptimizerKind.allCases)
    case .momentum: [.momentum, .nesterov, .rmsprop]
    case .beta1, .beta2: [.adam, .adamw]
    case .l1, .l2, .clipNorm, .clipValue, .patience, .threads: nil
    }
  }

  /// True when the dashboard header shows it for `optimizer` at `value`: the optimizer's own
  /// settings always, the regularisers only while they are on.
  public func isShown(for optimizer: OptimizerKind, value: Double?) -> Bool {
    switch self {
    case .patience, .threads: return false
    case .l1, .l2, .clipNorm, .clipValue: return (value ?? 0) > 0
    default: return optimizers?.contains(optimizer) ?? false
    }
  }

  /// The value as text: `1.0e-3` for rates, `0.9`, `off`, `10`.
  public func format(_ value: Double?) -> String {
    guard let value else { return "off" }
    switch self {
    case .learningRate: return Format.rate(value)
    case .patience, .threads: return Format.compact(value, significantDigits: 7)
    default: return Format.compact(value, significantDigits: 4)
    }
  }

  /// nil when `value` is allowed, else the reason (`lr: expected a positive number, got -1`).
  public func violation(_ value: Double?) -> String? {
    guard let value else { return canBeOff ? nil : "\(promptWord): cannot be off" }
    return range.violation(value).map { "\(promptWord): \($0)" }
  }
}
