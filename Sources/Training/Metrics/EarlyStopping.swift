/// Stops training when a monitored quantity stops improving: Keras's `EarlyStopping`, plus
/// Lightning's `divergence_threshold` and `check_finite`.
///
/// Call `update(epoch:value:)` once per epoch. It follows Keras 3's
/// `keras/src/callbacks/early_stopping.py` line for line:
/// - `improvement(v, ref)` is `v + minDelta < ref` in `min` mode and `v − minDelta > ref` in
///   `max` mode (Keras's `_is_improvement` with its sign-flipped `min_delta`); the first
///   reference is +∞ (`min`) or −∞ (`max`).
/// - Epochs `≤ startFromEpoch` (1-based; Keras's 0-based `epoch < start_from_epoch`) are ignored.
/// - Each monitored epoch adds 1 to `wait`. An improvement sets the new best (the trainer then
///   snapshots the weights) and resets `wait` to 0 only if the value also beats `baseline`
///   (when one is set). Otherwise, once `wait ≥ patience` (and not on the very first epoch,
///   Keras's `epoch > 0`), training stops.
///
/// Lightning's checks come first and apply on every epoch, warm-up included:
/// `checkFinite` stops on a NaN/±∞ value; `divergenceThreshold` stops when the value is
/// strictly worse than it (`v > threshold` in `min` mode, `v < threshold` in `max` mode).
public struct EarlyStopping: Codable, Sendable, Equatable {
  /// What `update` tells the trainer.
  public enum Decision: Sendable, Equatable {
    /// Keep training.
    case `continue`
    /// A new best value: keep training, and snapshot the weights if restoring best weights.
    case improved
    /// Stop training for this reason.
    case stop(StopReason)
  }

  /// The quantity watched (Keras's `monitor`, default `val_loss`).
  public var monitor: EarlyStoppingMonitor
  /// Whether smaller or larger is better (Keras's `mode`, default `auto`).
  public var mode: EarlyStoppingMode
  /// The least change that counts as an improvement (Keras's `min_delta`, default 0; sign ignored).
  public var minDelta: Double
  /// Epochs without improvement before stopping (Keras's `patience`, default 0). Live-adjustable.
  public var patience: Int
  /// A value the monitor must beat for `wait` to reset (Keras's `baseline`, default none).
  public var baseline: Double?
  /// Epochs to ignore at the start, a warm-up (Keras's `start_from_epoch`, default 0).
  public var startFromEpoch: Int
  /// Whether the trainer restores the best epoch's weights when it stops (Keras's `restore_best_weights`).
  public var restoreBestWeights: Bool
  /// Stop at once when the value is strictly worse than this (Lightning's `divergence_threshold`).
  public var divergenceThreshold: Double?
  /// Stop at once when the value is NaN or infinite (Lightning's `check_finite`, default true).
  public var checkFinite: Bool

  /// The best value so far (nil before the first monitored epoch).
  public private(set) var best: Double?
  /// The epoch (1-based) of the best value.
  public private(set) var bestEpoch: Int?
  /// Monitored epochs since the last reset (Keras's `wait`).
  public private(set) var wait = 0
  /// The epoch at which `update` said stop, if it did.
  public private(set) var stoppedEpoch: Int?

  /// Creates an early stopper with Keras's defaults plus Lightning's `check_finite = true`.
  public init(
    monitor: EarlyStoppingMonitor = .validationLoss, mode: EarlyStoppingMode = .auto,
    minDelta: Double = 0, patience: Int = 0, baseline: Double? = nil, startFromEpoch: Int = 0,
    restoreBestWeights: Bool = false, divergenceThreshold: Double? = nil, checkFinite: Bool = true
  ) {
    precondition(patience >= 0 && startFromEpoch >= 0, "patience and startFromEpoch must be ≥ 0")
    self.monitor = monitor
    self.mode = mode
    self.minDelta = minDelta
    self.patience = patience
    self.baseline = baseline
    self.startFromEpoch = startFromEpoch
    self.restoreBestWeights = restoreBestWeights
    self.divergenceThreshold = divergenceThreshold
    self.checkFinite = checkFinite
  }

  /// `min` or `max`, with `auto` resolved from the monitor.
  public var resolvedMode: EarlyStoppingMode {
    mode == .auto ? monitor.automaticMode : mode
  }

  /// Takes the monitored `value` at the end of `epoch` (1-based) and says what to do.
  public mutating func update(epoch: Int, value: Double) -> Decision {
    if let reason = immediateStopReason(for: value) {
      stoppedEpoch = epoch
      return .stop(reason)
    }
    guard epoch > startFromEpoch else { return .continue }
    wait += 1
    if isImprovement(value, over: best ?? worstValue) {
      best = value
      bestEpoch = epoch
      // Keras: "Only restart wait if we beat both the baseline and our previous best."
      let beatsBaseline = baseline.map { isImprovement(value, over: $0) } ?? true
      if beatsBaseline { wait = 0 }
      return .improved
    }
    if wait >= patience && epoch > 1 {
      stoppedEpoch = epoch
      return .stop(.patienceExhausted)
    }
    return .continue
  }

  /// The live state for the dashboard.
  public var status: EarlyStoppingStatus {
    EarlyStoppingStatus(
      monitor: monitor.rawValue, bestEpoch: bestEpoch, bestValue: best,
      patience: patience, patienceLeft: Swift.max(0, patience - wait))
  }

  /// Lightning's checks: a non-finite value, or one past the divergence threshold.
  private func immediateStopReason(for value: Double) -> StopReason? {
    if checkFinite && !value.isFinite { return .nonFinite }
    guard let threshold = divergenceThreshold else { return nil }
    let diverged = resolvedMode == .max ? value < threshold : value > threshold
    return diverged ? .divergence : nil
  }

  /// Keras's `_is_improvement`: `value` beats `reference` by more than `minDelta`.
  private func isImprovement(_ value: Double, over reference: Double) -> Bool {
    let delta = abs(minDelta)
    return resolvedMode == .max ? value - delta > reference : value + delta < reference
  }

  /// The reference before any value: +∞ when minimising, −∞ when maximising.
  private var worstValue: Double { resolvedMode == .max ? -.infinity : .infinity }
}
