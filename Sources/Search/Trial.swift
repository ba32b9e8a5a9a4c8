/// One trial of a search: its parameters, its per-epoch metric (what the pruners judge) and how it ended.
public struct Trial: Equatable, Sendable {
  /// 0-based, in the order trials were started (Optuna's `number`).
  public var number: Int
  /// The sampled value of each searched parameter.
  public var parameters: [String: ParameterValue]
  public var state: TrialState = .running
  /// The searched metric after each epoch, by epoch (1-based): Optuna's intermediate values.
  public var intermediate: [Int: Double] = [:]
  /// The objective once complete (the best or final metric, or a cross-validated mean).
  public var objective: Double?
  /// Epochs trained.
  public var epochs = 0
  /// Wall time in seconds.
  public var seconds = 0.0
  /// Why it failed or was pruned.
  public var reason: String?
  /// Its value at each successive-halving rung it reached (Optuna's `completed_rung_N`).
  public var rungs: [Double] = []

  public init(number: Int, parameters: [String: ParameterValue]) {
    self.number = number
    self.parameters = parameters
  }

  /// The last epoch reported, if any (Optuna's `last_step`).
  public var lastEpoch: Int? { intermediate.keys.max() }

  /// The best intermediate value so far (NaN if any was NaN, as Optuna's pruners read it).
  func bestIntermediate(_ direction: SearchDirection) -> Double {
    let values = intermediate.values
    if values.contains(where: \.isNaN) { return .nan }
    return direction.best(Array(values)) ?? .nan
  }
}
