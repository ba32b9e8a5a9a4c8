/// The knobs of each schedule kind, with PyTorch/Keras/fastai-like defaults.
///
/// Epoch counts are in epochs (the schedules they belong to advance once per epoch).
public struct ScheduleParameters: Codable, Sendable, Equatable {
  /// Step decay: epochs between two decays (PyTorch StepLR `step_size`; default 10).
  public var stepSize: Int = 10
  /// Step decay: the factor per decay (PyTorch StepLR's default γ 0.1).
  public var stepGamma: Double = 0.1
  /// Exponential decay: the factor per epoch (default 0.95).
  public var exponentialGamma: Double = 0.95
  /// Cosine annealing and restarts: the floor η_min (PyTorch's default 0).
  public var minimumRate: Double = 0
  /// Warm restarts: the first period T_0 in epochs (default 10, as in the SGDR paper).
  public var restartPeriod: Int = 10
  /// Warm restarts: the period multiplier T_mult (default 2, as in the SGDR paper; PyTorch's is 1).
  public var restartMultiplier: Int = 2
  /// One-cycle: the fraction of the run spent rising (fastai's `pct_start` 0.25).
  public var oneCyclePctStart: Double = 0.25
  /// One-cycle: the starting rate is `baseRate / div` (fastai 25).
  public var oneCycleDiv: Double = 25
  /// One-cycle: the final rate is `baseRate / divFinal` (fastai 1e5).
  public var oneCycleDivFinal: Double = 1e5
  /// One-cycle: momentum at the start and end (fastai `moms[0]`, 0.95).
  public var oneCycleHighMomentum: Double = 0.95
  /// One-cycle: momentum at the peak rate (fastai `moms[1]`, 0.85).
  public var oneCycleLowMomentum: Double = 0.85

  /// The defaults.
  public init() {}
}
