/// The health monitor's thresholds and what each alert does. A threshold of 0 turns its detector
/// off; `HealthThreshold` names, bounds and explains each one.
public struct HealthSettings: Codable, Sendable, Equatable {
  /// Loss spike: a step's loss more than this many standard deviations above its recent average
  /// (exponential moving averages over about 40 steps).
  public var spikeSigma: Double = 8
  /// Stall: the smoothed training loss has not improved by 0.1 % for this many steps.
  public var stallSteps: Int = 1000
  /// Exploding gradients: the global norm above this multiple of its median over the last 200 steps.
  public var explodeFactor: Double = 20
  /// Vanishing gradients: a layer's norm below this floor …
  public var vanishFloor: Double = 1e-7
  /// … for this many steps in a row.
  public var vanishSteps: Int = 200
  /// Dead units: at least this fraction of a ReLU layer's units never active over an epoch.
  public var deadFraction: Double = 0.5
  /// Overfitting: validation loss rising while training loss falls for this many epochs in a row.
  public var overfitEpochs: Int = 3
  /// Oscillation: the smoothed loss's swing around its trend (over 200 steps), as a fraction of
  /// its level, above this.
  public var oscillationRatio: Double = 0.3
  /// What each kind of alert does besides reporting itself (absent: nothing).
  public var actions: [AlertKind: AlertAction] = [:]

  public init() {}

  /// What an alert of `kind` does.
  public func action(for kind: AlertKind) -> AlertAction { actions[kind] ?? .none }

  /// A threshold by its table entry (whole-number thresholds are set from whole numbers).
  public subscript(threshold: HealthThreshold) -> Double {
    get {
      switch threshold {
      case .spikeSigma: spikeSigma
      case .stallSteps: Double(stallSteps)
      case .explodeFactor: explodeFactor
      case .vanishFloor: vanishFloor
      case .vanishSteps: Double(vanishSteps)
      case .deadFraction: deadFraction
      case .overfitEpochs: Double(overfitEpochs)
      case .oscillation: oscillationRatio
      }
    }
    set {
      switch threshold {
      case .spikeSigma: spikeSigma = newValue
      case .stallSteps: stallSteps = Int(exactly: newValue) ?? stallSteps
      case .explodeFactor: explodeFactor = newValue
      case .vanishFloor: vanishFloor = newValue
      case .vanishSteps: vanishSteps = Int(exactly: newValue) ?? vanishSteps
      case .deadFraction: deadFraction = newValue
      case .overfitEpochs: overfitEpochs = Int(exactly: newValue) ?? overfitEpochs
      case .oscillation: oscillationRatio = newValue
      }
    }
  }

  /// The first threshold out of its range, as `name: problem` (a config read back from a run is input).
  public var violation: (option: String, problem: String)? {
    for threshold in HealthThreshold.allCases {
      if let problem = threshold.range.violation(self[threshold]) { return (threshold.optionName, problem) }
    }
    return nil
  }
}

extension AlertKind: CodingKeyRepresentable {}
