/// The things the health monitor watches for, by the names `--on-alert` uses.
public enum AlertKind: String, CaseIterable, Codable, Sendable {
  /// A step's loss far above its recent average.
  case lossSpike = "loss-spike"
  /// The smoothed training loss has not improved for a while.
  case stall
  /// The global gradient norm far above its running median.
  case explodingGradients = "exploding-gradients"
  /// A layer's gradient norm below a floor, step after step.
  case vanishingGradients = "vanishing-gradients"
  /// ReLU units never active over an epoch.
  case deadUnits = "dead-units"
  /// Validation loss rising while training loss falls, epoch after epoch.
  case overfitting
  /// The smoothed loss swinging widely around its trend.
  case oscillation

  /// The header badge's word: `spike`, `stall`, `exploding`, …
  public var badge: String {
    switch self {
    case .lossSpike: "spike"
    case .stall: "stall"
    case .explodingGradients: "exploding"
    case .vanishingGradients: "vanishing"
    case .deadUnits: "dead units"
    case .overfitting: "overfitting"
    case .oscillation: "oscillation"
    }
  }

  /// The event's words: `loss spike`, `exploding gradients`, …
  public var title: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}
