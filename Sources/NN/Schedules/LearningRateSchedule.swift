/// The learning rate over a run: one of `ScheduleName`'s kinds, optionally after a linear warm-up.
///
/// How each kind advances (a documented choice):
/// - `step`, `exponential`, `cosine`, `cosineRestarts` and `plateau` change once per epoch (a
///   staircase, as PyTorch steps them once per epoch); `cosine` anneals over the epochs after
///   warm-up, to `parameters.minimumRate`.
/// - `onecycle` and the warm-up change every step. One-cycle is **fastai's** `fit_one_cycle`
///   (`ScheduleFormula.oneCycleFastai`: div 25, div_final 1e5, pct_start 0.25; `baseRate` is
///   lr_max), not PyTorch's OneCycleLR.
/// - Warm-up (like PyTorch's `SequentialLR([LinearLR(startFactor, 1, W), main], [W])`) ramps the
///   rate linearly from `startFactor·baseRate` over `W` steps; the main schedule then starts
///   from its own beginning at step `W` and spans the rest of the run.
/// - `plateau` changes only through `epochEnded`; epochs that end inside the warm-up are ignored.
/// - `rescale(to:atStep:)` multiplies the whole curve (floors included) by one factor.
///
/// All math is in Double. The value is Codable (plateau state included) so a checkpoint
/// resumes exactly.
public struct LearningRateSchedule: Codable, Sendable, Equatable {
  /// The kind of schedule after warm-up.
  public private(set) var name: ScheduleName
  /// The base rate (the peak for one-cycle; the starting rate for the others).
  public private(set) var baseRate: Double
  /// Optimizer steps per epoch.
  public private(set) var stepsPerEpoch: Int
  /// Epochs in the run.
  public private(set) var totalEpochs: Int
  /// Warm-up length in epochs (used when `warmupSteps` is nil).
  public private(set) var warmupEpochs: Int
  /// Warm-up length in steps, overriding `warmupEpochs` when set.
  public private(set) var warmupSteps: Int?
  /// The warm-up's first factor (PyTorch LinearLR `start_factor`; default 0.1, PyTorch's is 1/3).
  public private(set) var warmupStartFactor: Double
  /// The knobs of each kind.
  public private(set) var parameters: ScheduleParameters
  /// Reduce-on-plateau settings and state (used when `name` is `.plateau`).
  public private(set) var plateau: ReduceOnPlateau
  /// The plateau rate before `scale` (starts at `baseRate`, reduced by `epochEnded`).
  public private(set) var plateauRate: Double
  /// The product of all `rescale` factors so far.
  public private(set) var scale: Double = 1

  /// A schedule of kind `name` over `totalEpochs` epochs of `stepsPerEpoch` steps.
  ///
  /// - Parameters:
  ///   - warmupEpochs: epochs of linear warm-up before the main schedule (0: none).
  ///   - warmupSteps: warm-up length in steps instead of epochs.
  ///   - warmupStartFactor: the warm-up starts at `warmupStartFactor·baseRate` (in [0, 1]).
  public init(
    name: ScheduleName, baseRate: Double, stepsPerEpoch: Int, totalEpochs: Int,
    warmupEpochs: Int = 0, warmupSteps: Int? = nil, warmupStartFactor: Double = 0.1,
    parameters: ScheduleParameters = ScheduleParameters(),
    plateau: ReduceOnPlateau = ReduceOnPlateau()
  ) {
    precondition(baseRate >= 0 && baseRate.isFinite, "schedule: bad base rate \(baseRate)")
    precondition(stepsPerEpoch > 0 && totalEpochs > 0, "schedule: need steps per epoch and epochs")
    precondition(warmupEpochs >= 0 && (warmupSteps ?? 0) >= 0, "schedule: negative warm-up")
    precondition((0...1).contains(warmupStartFactor), "schedule: warm-up start factor outside [0, 1]")
    self.name = name
    self.baseRate = baseRate
    self.stepsPerEpoch = stepsPerEpoch
    self.totalEpochs = totalEpochs
    self.warmupEpochs = warmupEpochs
    self.warmupSteps = warmupSteps
    self.warmupStartFactor = warmupStartFactor
    self.parameters = parameters
    self.plateau = plateau
    self.plateauRate = baseRate
  }

  /// Steps in the whole run.
  public var totalSteps: Int { stepsPerEpoch * totalEpochs }

  /// Warm-up length in steps.
  public var warmupLength: Int { warmupSteps ?? warmupEpochs * stepsPerEpoch }

  /// The rate to use for the optimizer step `step` (0-based, counted over the whole run).
  public func rate(atStep step: Int) -> Double {
    let step = max(0, step)
    let warmup = warmupLength
    if step < warmup {
      return scale * baseRate
        * ScheduleFormula.linearWarmupFactor(k: step, length: warmup, startFactor: warmupStartFactor)
    }
    return scale * mainRate(atStep: step - warmup)
  }

  /// One-cycle's momentum (fastai's cycle, for momentum or Adam's β1) at `step`; nil for other kinds and during
  /// warm-up.
  public func momentum(atStep step: Int) -> Double? {
    guard name == .onecycle || name == .onecyclePyTorch, step >= warmupLength else { return nil }
    return oneCycle(atStep: step - warmupLength).momentum
  }

  /// Reports the end of epoch `epoch` (0-based) and its monitored value (e.g. validation loss).
  ///
  /// - Returns: the new rate when reduce-on-plateau reduced it, otherwise nil (always nil for
  ///   other kinds and for epochs that end inside the warm-up).
  public mutating func epochEnded(epoch: Int, monitoredValue: Double) -> Double? {
    guard name == .plateau, (epoch + 1) * stepsPerEpoch > warmupLength else { return nil }
    guard let reduced = plateau.epochEnded(value: monitoredValue, rate: plateauRate) else {
      return nil
    }
    plateauRate = reduced
    return scale * reduced
  }

  /// A manual rate change while the schedule runs: multiplies the whole schedule by
  /// `newRate / rate(atStep: step)`, so the curve continues from `newRate` with its shape kept.
  ///
  /// When the current rate is 0 (nothing to scale) the schedule becomes constant at `newRate`
  /// from then on (warm-up dropped).
  public mutating func rescale(to newRate: Double, atStep step: Int) {
    precondition(newRate >= 0 && newRate.isFinite, "schedule: bad rate \(newRate)")
    let current = rate(atStep: step)
    guard current > 0 else {
      self = LearningRateSchedule(
        name: .constant, baseRate: newRate, stepsPerEpoch: stepsPerEpoch, totalEpochs: totalEpochs,
        parameters: parameters, plateau: plateau)
      return
    }
    scale *= newRate / current
  }

  /// About `points` evenly spaced (step, rate) pairs from `step` to the last step of the run,
  /// both included (every step if there are fewer); empty past the end. Plateau shows its
  /// current rate, since its future depends on the monitored values.
  public func upcomingRates(fromStep step: Int, points: Int) -> [(step: Int, rate: Double)] {
    let first = max(0, step)
    let last = totalSteps - 1
    guard first <= last, points > 0 else { return [] }
    let span = last - first
    if span < points {
      return (first...last).map { ($0, rate(atStep: $0)) }
    }
    guard points > 1 else { return [(first, rate(atStep: first))] }
    return (0..<points).map { index in
      let offset = (Double(index) * Double(span) / Double(points - 1)).rounded()
      let at = first + Int(offset)
      return (at, rate(atStep: at))
    }
  }

  /// The rate of the main schedule (before `scale`) `k` steps after the warm-up.
  private func mainRate(atStep k: Int) -> Double {
    let epoch = k / stepsPerEpoch
    switch name {
    case .constant:
      return baseRate
    case .step:
      return ScheduleFormula.stepDecay(
        baseRate: baseRate, k: epoch, stepSize: parameters.stepSize, gamma: parameters.stepGamma)
    case .exponential:
      return ScheduleFormula.exponentialDecay(
        baseRate: baseRate, k: epoch, gamma: parameters.exponentialGamma)
    case .cosine:
      let period = Double(totalSteps - warmupLength) / Double(stepsPerEpoch)
      return ScheduleFormula.cosineAnnealing(
        baseRate: baseRate, k: epoch, period: period, floor: parameters.minimumRate)
    case .cosineRestarts:
      return ScheduleFormula.cosineWarmRestarts(
        baseRate: baseRate, k: epoch, firstPeriod: parameters.restartPeriod,
        periodMultiplier: parameters.restartMultiplier, floor: parameters.minimumRate)
    case .plateau:
      return plateauRate
    case .onecycle, .onecyclePyTorch:
      return oneCycle(atStep: k).rate
    }
  }

  /// One-cycle (fastai's, or PyTorch's formula) `k` steps after the warm-up, over the rest of the run.
  private func oneCycle(atStep k: Int) -> (rate: Double, momentum: Double) {
    if name == .onecyclePyTorch {
      return ScheduleFormula.oneCyclePyTorch(
        maxRate: baseRate, k: k, totalSteps: max(1, totalSteps - warmupLength),
        pctStart: parameters.oneCyclePctStart, divFactor: parameters.oneCycleDiv,
        finalDivFactor: parameters.oneCycleDivFinal, highMomentum: parameters.oneCycleHighMomentum,
        lowMomentum: parameters.oneCycleLowMomentum)
    }
    return ScheduleFormula.oneCycleFastai(
      maxRate: baseRate, k: k, totalSteps: max(1, totalSteps - warmupLength),
      pctStart: parameters.oneCyclePctStart, div: parameters.oneCycleDiv,
      divFinal: parameters.oneCycleDivFinal, highMomentum: parameters.oneCycleHighMomentum,
      lowMomentum: parameters.oneCycleLowMomentum)
  }
}

extension LearningRateSchedule: CustomStringConvertible {
  /// A short label for the dashboard, e.g. `cosine, warmup 1` or `onecycle, warmup 500 steps`.
  public var description: String {
    if let warmupSteps, warmupSteps > 0 { return "\(name.rawValue), warmup \(warmupSteps) steps" }
    if warmupSteps == nil && warmupEpochs > 0 { return "\(name.rawValue), warmup \(warmupEpochs)" }
    return name.rawValue
  }
}
