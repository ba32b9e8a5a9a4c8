import Foundation

/// How far `:run` lets training go before it pauses again.
public enum RunBudget: Sendable, Equatable {
  /// This many optimizer steps.
  case steps(Int)
  /// This many epoch ends.
  case epochs(Int)

  /// `100 steps`, `1 epoch`.
  public var description: String {
    switch self {
    case .steps(let n): n == 1 ? "1 step" : "\(n) steps"
    case .epochs(let n): n == 1 ? "1 epoch" : "\(n) epochs"
    }
  }
}

/// `:until val_accuracy>0.98`: pause at the first epoch end where a metric is past a value.
public struct PauseCondition: Sendable, Equatable {
  public var monitor: EarlyStoppingMonitor
  /// True for `>` (pause once the value is above), false for `<`.
  public var above: Bool
  public var value: Double

  public init(monitor: EarlyStoppingMonitor, above: Bool, value: Double) {
    self.monitor = monitor
    self.above = above
    self.value = value
  }

  /// `val_accuracy > 0.98`.
  public var description: String {
    "\(monitor.rawValue) \(above ? ">" : "<") \(Format.compact(value, significantDigits: 6))"
  }

  /// True when `measured` is past the value (NaN never is).
  public func isMet(by measured: Double) -> Bool { above ? measured > value : measured < value }
}

/// When the trainer pauses by itself: after a `:run` budget, or when an `:until` condition is met.
struct AutoPause: Equatable {
  /// Pause once the global step reaches this.
  var atStep: Int?
  /// Pause at the end of this (1-based) epoch.
  var afterEpoch: Int?
  /// Pause at the first epoch end where this holds (kept until met or cleared).
  var condition: PauseCondition?

  /// The header's countdown: `pause in 57 steps`, `pause after epoch 3`, `until val_accuracy > 0.98`.
  func summary(step: Int) -> String? {
    var parts: [String] = []
    if let atStep { parts.append("pause in \(max(0, atStep - step)) steps") }
    if let afterEpoch { parts.append("pause after epoch \(afterEpoch)") }
    if let condition { parts.append("until \(condition.description)") }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }
}
