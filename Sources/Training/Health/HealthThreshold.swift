/// One tunable threshold of the health monitor: the one table of its option name (`--alert-…` and
/// config key), range, default and help. 0 turns its detector off.
public enum HealthThreshold: CaseIterable, Sendable, Hashable {
  case spikeSigma, stallSteps, explodeFactor, vanishFloor, vanishSteps, deadFraction, overfitEpochs, oscillation

  /// The flag without `--`, and the config key.
  public var optionName: String {
    switch self {
    case .spikeSigma: "alert-spike-sigma"
    case .stallSteps: "alert-stall-steps"
    case .explodeFactor: "alert-explode-factor"
    case .vanishFloor: "alert-vanish-floor"
    case .vanishSteps: "alert-vanish-steps"
    case .deadFraction: "alert-dead-fraction"
    case .overfitEpochs: "alert-overfit-epochs"
    case .oscillation: "alert-oscillation"
    }
  }

  /// The values it accepts.
  public var range: ValueRange {
    switch self {
    case .spikeSigma, .explodeFactor: .closed(0, 1e6)
    case .vanishFloor: .closed(0, 1)
    case .deadFraction: .closedUnitInterval
    case .oscillation: .closed(0, 100)
    case .stallSteps, .vanishSteps: .whole(0, 1_000_000_000)
    case .overfitEpochs: .whole(0, 10_000_000)
    }
  }

  /// What it means, with its default, for `--help`.
  public var help: String {
    let meaning =
      switch self {
      case .spikeSigma: "Alert when a step's loss is this many σ above its recent average"
      case .stallSteps: "Alert when the smoothed training loss has not improved by 0.1% for this many steps"
      case .explodeFactor: "Alert when the gradient norm is this many times its median over the last 200 steps"
      case .vanishFloor: "Alert when a layer's gradient norm stays below this floor"
      case .vanishSteps: "… for this many steps in a row"
      case .deadFraction: "Alert when this fraction of a ReLU layer's units never fire in an epoch"
      case .overfitEpochs: "Alert when validation loss rises while training loss falls this many epochs in a row"
      case .oscillation: "Alert when the smoothed loss swings around its trend by this fraction of its level"
      }
    return meaning + " (default: \(Format.compact(HealthSettings()[self], significantDigits: 6)); 0: off)."
  }
}
