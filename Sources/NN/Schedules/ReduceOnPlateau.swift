/// Reduce-on-plateau: cuts the rate by `factor` when a monitored value stops improving.
///
/// Parameters use Keras' names and defaults (factor 0.1, patience 10, cooldown 0, min_lr 0,
/// min_delta 1e-4, mode min); `convention` picks Keras' rules (the default) or PyTorch's.
/// Called once per epoch with that epoch's value. State (best, counters) is Codable so a
/// checkpoint resumes exactly. The rate itself is held by the caller.
public struct ReduceOnPlateau: Codable, Sendable, Equatable {
  /// PyTorch's `eps`: a reduction smaller than this is skipped.
  public static let pytorchMinimumChange = 1e-8

  /// Keras (default) or PyTorch rules.
  public var convention: PlateauConvention
  /// Whether lower (`min`) or higher (`max`) values are better.
  public var mode: PlateauMode
  /// The factor applied to the rate on a reduction.
  public var factor: Double
  /// Epochs without improvement tolerated (see `PlateauConvention` for the exact count).
  public var patience: Int
  /// Epochs after a reduction during which bad epochs are not counted.
  public var cooldown: Int
  /// The rate is never reduced below this.
  public var minimumRate: Double
  /// Least significant improvement: absolute (Keras `min_delta`) or relative (PyTorch `threshold`).
  public var minDelta: Double
  /// The best value so far; `nil` before the first epoch (±∞ in both libraries).
  public private(set) var best: Double?
  /// Bad epochs counted (Keras `wait`, PyTorch `num_bad_epochs`).
  public private(set) var badEpochs = 0
  /// Remaining cooldown epochs.
  public private(set) var cooldownCounter = 0

  /// A reduce-on-plateau rule with Keras' defaults.
  public init(
    convention: PlateauConvention = .keras, mode: PlateauMode = .min, factor: Double = 0.1,
    patience: Int = 10, cooldown: Int = 0, minimumRate: Double = 0, minDelta: Double = 1e-4
  ) {
    precondition(factor > 0 && factor < 1, "plateau factor must be in (0, 1)")
    precondition(patience >= 0 && cooldown >= 0 && minimumRate >= 0, "plateau: negative setting")
    self.convention = convention
    self.mode = mode
    self.factor = factor
    self.patience = patience
    self.cooldown = cooldown
    self.minimumRate = minimumRate
    self.minDelta = minDelta
  }

  /// Feeds one epoch's monitored `value` given the current `rate`; returns the new rate if reduced.
  public mutating func epochEnded(value: Double, rate: Double) -> Double? {
    switch convention {
    case .keras: return kerasStep(value, rate: rate)
    case .pytorch: return pytorchStep(value, rate: rate)
    }
  }

  /// Forgets the best value and the counters (settings are kept).
  public mutating func reset() {
    best = nil
    badEpochs = 0
    cooldownCounter = 0
  }

  /// Whether `value` improves on `best` under the convention's threshold (NaN never does).
  public func isImprovement(_ value: Double) -> Bool {
    let reference = best ?? (mode == .min ? .infinity : -.infinity)
    switch (convention, mode) {
    case (.keras, .min): return value < reference - minDelta
    case (.keras, .max): return value > reference + minDelta
    case (.pytorch, .min): return value < reference * (1 - minDelta)
    case (.pytorch, .max): return value > reference * (1 + minDelta)
    }
  }

  /// Keras `on_epoch_end`: cooldown first, then improvement, then the bad-epoch count.
  private mutating func kerasStep(_ value: Double, rate: Double) -> Double? {
    if cooldownCounter > 0 {
      cooldownCounter -= 1
      badEpochs = 0
    }
    if isImprovement(value) {
      best = value
      badEpochs = 0
      return nil
    }
    guard cooldownCounter == 0 else { return nil }
    badEpochs += 1
    guard badEpochs >= patience, rate > minimumRate else { return nil }
    cooldownCounter = cooldown
    badEpochs = 0
    return Swift.max(rate * factor, minimumRate)
  }

  /// PyTorch `step`: improvement, then cooldown, then `numBad > patience`.
  private mutating func pytorchStep(_ value: Double, rate: Double) -> Double? {
    if isImprovement(value) {
      best = value
      badEpochs = 0
    } else {
      badEpochs += 1
    }
    if cooldownCounter > 0 {
      cooldownCounter -= 1
      badEpochs = 0
    }
    guard badEpochs > patience else { return nil }
    cooldownCounter = cooldown
    badEpochs = 0
    let reduced = Swift.max(rate * factor, minimumRate)
    return rate - reduced > Self.pytorchMinimumChange ? reduced : nil
  }
}
