import Tensor

/// A search in progress, as Optuna's `Study`: the space, the trials so far, and the sampler and
/// pruner that decide the next parameters and which running trials stop. It holds no training: the
/// caller starts a trial, reports its metric after each epoch, and says how it ended.
public struct Study: Sendable {
  public private(set) var space: SearchSpace
  public let direction: SearchDirection
  public let strategy: SearchStrategy
  public let pruner: PrunerKind
  /// The search's seed; trial `n`'s draws come from it and `n` alone.
  public let seed: UInt64
  /// How many trials the search runs (for a grid, at most its size).
  public private(set) var trialLimit: Int
  public private(set) var trials: [Trial] = []
  public var tpe = TPESampler()
  public var median = MedianPruner()
  public var halving = SuccessiveHalvingPruner()
  private var grid: GridSampler?
  /// The next grid combination.
  private var gridIndex = 0

  /// A study of `trialLimit` trials (nil: a grid's size); throws when a grid cannot be made.
  public init(
    space: SearchSpace, direction: SearchDirection, strategy: SearchStrategy, pruner: PrunerKind, trials: Int?,
    seed: UInt64
  ) throws(SearchSpaceError) {
    self.space = space
    self.direction = direction
    self.strategy = strategy
    self.pruner = pruner
    self.seed = seed
    if strategy == .grid {
      let grid = try GridSampler(space)
      self.grid = grid
      trialLimit = min(trials ?? grid.count, grid.count)
    } else {
      trialLimit = trials ?? 20
    }
  }

  /// Whether every trial has been started.
  public var isExhausted: Bool { trials.count >= trialLimit }

  /// The best complete trial (the earliest of equals).
  public var best: Trial? {
    trials.filter { $0.state == .complete && $0.objective.map { !$0.isNaN } == true }.reduce(nil) { best, t in
      guard let b = best, let bo = b.objective, let to = t.objective else { return t }
      return direction.isBetter(to, than: bo) ? t : b
    }
  }

  /// Starts the next trial with freshly sampled parameters, or nil when all have been started.
  public mutating func startTrial() -> Trial? {
    guard !isExhausted else { return nil }
    let number = trials.count
    var rng = SeededGenerator.forTrial(number, seed: seed)
    let parameters: [String: ParameterValue]
    switch strategy {
    case .grid:
      parameters = grid?.combination(gridIndex % max(1, grid?.count ?? 1)) ?? [:]
      gridIndex += 1
    case .random: parameters = RandomSampler.sample(space, rng: &rng)
    case .tpe: parameters = tpe.sample(space, trials: trials, direction: direction, rng: &rng)
    }
    let trial = Trial(number: number, parameters: parameters)
    trials.append(trial)
    return trial
  }

  /// Records trial `number`'s metric after `epoch`; returns whether the pruner stops it.
  public mutating func report(_ number: Int, epoch: Int, value: Double) -> Bool {
    guard trials.indices.contains(number), trials[number].state == .running else { return false }
    trials[number].intermediate[epoch] = value
    trials[number].epochs = max(trials[number].epochs, epoch)
    switch pruner {
    case .none: return false
    case .median: return median.shouldPrune(trials[number], among: trials, direction: direction)
    case .asha:
      var trial = trials[number]
      let prune = halving.shouldPrune(&trial, among: trials, direction: direction)
      trials[number] = trial
      return prune
    }
  }

  /// Records how trial `number` ended; `epochs` when it differs from the epochs reported (the
  /// epochs of all its cross-validation folds).
  public mutating func finish(
    _ number: Int, state: TrialState, objective: Double?, seconds: Double, reason: String? = nil, epochs: Int? = nil
  ) {
    guard trials.indices.contains(number) else { return }
    if let epochs { trials[number].epochs = epochs }
    trials[number].state = state
    trials[number].objective = objective
    trials[number].seconds = seconds
    trials[number].reason = reason
  }

  /// Gives `name` a new distribution (a range narrowed or widened mid-search): trials started from
  /// now on sample from it, and TPE learns only from earlier values that lie inside it. A grid's
  /// combinations are fixed when it starts, so a grid refuses; so does a name not searched.
  public mutating func changeSpace(_ name: String, to distribution: Distribution) throws(SearchSpaceError) {
    guard strategy != .grid else {
      throw SearchSpaceError(parameter: name, message: "a grid's combinations are fixed when it starts")
    }
    guard space[name] != nil else {
      throw SearchSpaceError(
        parameter: name, message: "not searched (searched: \(space.names.joined(separator: ", ")))")
    }
    if let problem = distribution.problem { throw SearchSpaceError(parameter: name, message: problem) }
    space.set(name, to: distribution)
  }

  /// Sets how many trials the search runs: at least those already started, at most a grid's size;
  /// returns the limit now in force.
  @discardableResult
  public mutating func setTrialLimit(_ limit: Int) -> Int {
    trialLimit = max(trials.count, min(limit, grid?.count ?? Int.max))
    return trialLimit
  }

  /// Puts back a trial read from trials.csv (`--resume`; finished, or running when interrupted):
  /// numbers must come in order, and its rungs are rebuilt from its per-epoch values.
  public mutating func restore(_ trial: Trial) {
    var restored = trial
    restored.number = trials.count
    restored.rungs = []
    while let step = halving.promotionStep(restored.rungs.count), step <= (trial.lastEpoch ?? 0),
      let value = trial.intermediate[step]
    {
      restored.rungs.append(value)
    }
    trials.append(restored)
    gridIndex += 1
  }
}
