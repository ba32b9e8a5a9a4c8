import NN

/// Something the health monitor saw, with the numbers that show it (the event text is made from
/// these in `EventDetail+Text.swift`).
public enum HealthAlert: Sendable, Equatable {
  /// The step's loss was `sigmas` standard deviations above its recent average.
  case lossSpike(loss: Double, average: Double, sigmas: Double, threshold: Double)
  /// The smoothed loss has not improved on `best` for `steps` steps.
  case stall(smoothed: Double, best: Double, steps: Int)
  /// The global gradient norm was `norm`, against a running median of `median`.
  case explodingGradients(norm: Double, median: Double, threshold: Double)
  /// A layer's gradient norm stayed below `floor` for `steps` steps.
  case vanishingGradients(layer: String, norm: Double, floor: Double, steps: Int)
  /// A ReLU layer's units that never fired over an epoch.
  case deadUnits(DeadUnitCount, epoch: Int, threshold: Double)
  /// Validation loss rose from `validation.from` to `.to` while training loss fell, over `epochs` epochs.
  case overfitting(
    epochs: Int, validationFrom: Double, validationTo: Double, trainFrom: Double, trainTo: Double)
  /// The smoothed loss swung by `swing` (standard deviation around its linear trend) at a level of
  /// `level`, over `steps` steps.
  case oscillation(swing: Double, level: Double, steps: Int, threshold: Double)

  /// Which detector raised it.
  public var kind: AlertKind {
    switch self {
    case .lossSpike: .lossSpike
    case .stall: .stall
    case .explodingGradients: .explodingGradients
    case .vanishingGradients: .vanishingGradients
    case .deadUnits: .deadUnits
    case .overfitting: .overfitting
    case .oscillation: .oscillation
    }
  }
}
