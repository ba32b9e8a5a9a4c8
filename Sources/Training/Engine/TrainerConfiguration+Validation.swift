import NN

/// A value of a stored configuration that traintop cannot train with, named by its option.
public struct ConfigurationProblem: Error, Equatable, CustomStringConvertible {
  /// The option it belongs to, e.g. `lr` or `model`.
  public let option: String
  /// What was expected and found.
  public let message: String

  /// `lr: expected a positive number, got -1`.
  public var description: String { "\(option): \(message)" }
}

extension TrainerConfiguration {
  /// The largest layer width accepted from a file (a width drives allocation).
  public static let maximumLayerWidth = 65_536
  /// The most weights a model may have (4 GB of Float32 weights plus as much again for gradients).
  public static let maximumParameterCount = 1 << 30
  /// The most values one layer's output may hold for a batch (2 GB of Float32): a wide convolution
  /// on a large image drives allocation as much as its weights do.
  public static let maximumActivationCount = 1 << 29

  /// Checks every value a checkpoint or `config.json` may carry against the ranges the command line
  /// enforces, so that nothing read back from a file reaches a precondition.
  public func validate() throws(ConfigurationProblem) {
    try checkModel()
    for knob in Hyperparameter.allCases {
      if let value = storedValue(knob), let problem = knob.range.violation(value) {
        throw ConfigurationProblem(option: knob.optionName, message: problem)
      }
    }
    try check("batch-size", Double(batchSize), .whole(0, 1 << 20))
    try check("epochs", Double(epochs), .whole(1, 10_000_000))
    try check("warmup", Double(warmupEpochs), .whole(0, 10_000_000))
    try check("warmup-steps", warmupSteps.map(Double.init), .whole(0, 1_000_000_000))
    try check("warmup-start-factor", warmupStartFactor, .closedUnitInterval)
    try check("label-smoothing", labelSmoothing, .unitInterval)
    try check("nan-limit", Double(nonFiniteLimit), .whole(1, 1_000_000))
    try check("rollback-factor", rollbackFactor, .openUnitInterval)
    try check("min-delta", earlyStopping.minDelta, .nonNegative)
    try check("start-from-epoch", Double(earlyStopping.startFromEpoch), .whole(0, 10_000_000))
    try check("publish-rate", publishRate, .positive)
    try check("log-steps", logStepsEvery.map(Double.init), .whole(0, 1_000_000_000))
    try check("save-every", saveEvery.map(Double.init), .whole(1, 10_000_000))
    try check("keep-checkpoints", keepCheckpoints.map(Double.init), .whole(1, 1_000_000))
    try checkSchedule()
    if let problem = alerts?.violation { throw ConfigurationProblem(option: problem.option, message: problem.problem) }
  }

  /// The value of `knob` as stored, the run's starting value (nil: not set, or off).
  public func storedValue(_ knob: Hyperparameter) -> Double? {
    switch knob {
    case .learningRate: settings.learningRate
    case .momentum: settings.momentum
    case .beta1: settings.beta1
    case .beta2: settings.beta2
    case .weightDecay: settings.weightDecay
    case .l1: l1
    case .l2: l2
    case .clipNorm: clipNorm
    case .clipValue: clipValue
    case .patience: earlyStoppingEnabled ? Double(earlyStopping.patience) : nil
    case .threads: threads.map(Double.init)
    }
  }

  private func checkModel() throws(ConfigurationProblem) {
    // A layer stack is checked once the data gives it an input shape (RunPlan.complete).
    if model.layers != nil && model.inputShape == nil { return }
    do { try model.validate() } catch { throw ConfigurationProblem(option: "model", message: "\(error)") }
    if let wide = model.sizes.first(where: { $0 > Self.maximumLayerWidth }) {
      throw ConfigurationProblem(
        option: "model", message: "layer width \(wide) is over the limit of \(Self.maximumLayerWidth)")
    }
    let weights: Double
    do { weights = try model.parameterCount() } catch {
      throw ConfigurationProblem(option: "model", message: "\(error)")
    }
    if let shapes = try? model.shapes() {
      let largest = shapes.map { $0.reduce(1.0) { $0 * Double($1) } }.max() ?? 0
      let values = largest * Double(max(batchSize, 1))
      if values > Double(Self.maximumActivationCount) {
        throw ConfigurationProblem(
          option: "model",
          message: "a layer's output holds \(Format.exact(values)) values for a batch of \(batchSize), "
            + "over the limit of \(Self.maximumActivationCount)")
      }
    }
    if weights > Double(Self.maximumParameterCount) {
      throw ConfigurationProblem(
        option: "model",
        message: "\(Format.exact(weights)) parameters is over the limit of \(Self.maximumParameterCount)")
    }
  }

  private func checkSchedule() throws(ConfigurationProblem) {
    let p = scheduleParameters
    try check("step-size", Double(p.stepSize), .whole(1, 10_000_000))
    try check("gamma", p.stepGamma, .leftOpenUnitInterval)
    try check("gamma", p.exponentialGamma, .leftOpenUnitInterval)
    try check("min-lr", p.minimumRate, .nonNegative)
    try check("restart-period", Double(p.restartPeriod), .whole(1, 10_000_000))
    try check("restart-mult", Double(p.restartMultiplier), .whole(1, 10_000_000))
    try check("pct-start", p.oneCyclePctStart, .openUnitInterval)
    try check("div", p.oneCycleDiv, .greaterThanOne)
    try check("div-final", p.oneCycleDivFinal, .greaterThanOne)
    try check("plateau-factor", plateau.factor, .openUnitInterval)
    try check("plateau-patience", Double(plateau.patience), .whole(0, 10_000_000))
    try check("cooldown", Double(plateau.cooldown), .whole(0, 10_000_000))
  }

  private func check(_ option: String, _ value: Double?, _ range: ValueRange) throws(ConfigurationProblem) {
    guard let value, let problem = range.violation(value) else { return }
    throw ConfigurationProblem(option: option, message: problem)
  }
}
