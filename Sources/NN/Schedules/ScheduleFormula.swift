import Foundation

/// The learning-rate formulas behind `LearningRateSchedule`, as pure functions of a step index `k`.
///
/// `k` counts scheduler steps from 0, like PyTorch's `last_epoch`: each function returns the rate
/// in effect after `k` calls of `scheduler.step()` (so `k = 0` is the starting rate). All math is
/// in Double.
public enum ScheduleFormula {
  /// Half-cosine from `start` (fraction 0) to `end` (fraction 1), PyTorch's `_annealing_cos`:
  /// `end + (start − end)/2 · (1 + cos(π·fraction))`.
  public static func cosineInterpolation(from start: Double, to end: Double, fraction: Double) -> Double {
    end + (start - end) / 2 * (1 + cos(Double.pi * fraction))
  }

  /// StepLR: `baseRate · γ^⌊k / stepSize⌋`.
  public static func stepDecay(baseRate: Double, k: Int, stepSize: Int, gamma: Double) -> Double {
    precondition(stepSize > 0, "step decay needs stepSize > 0")
    return baseRate * pow(gamma, Double(max(0, k) / stepSize))
  }

  /// ExponentialLR: `baseRate · γ^k`.
  public static func exponentialDecay(baseRate: Double, k: Int, gamma: Double) -> Double {
    baseRate * pow(gamma, Double(max(0, k)))
  }

  /// CosineAnnealingLR (closed form): `η_min + (base − η_min)·(1 + cos(π·k/T))/2`, held at `η_min` past `T`.
  public static func cosineAnnealing(baseRate: Double, k: Int, period: Double, floor: Double) -> Double {
    guard period > 0 else { return floor }
    let progress = min(Double(max(0, k)), period) / period
    return floor + (baseRate - floor) * (1 + cos(Double.pi * progress)) / 2
  }

  /// CosineAnnealingWarmRestarts (SGDR): the cosine over `T_cur / T_i`, restarting at `base`
  /// when `T_cur` reaches `T_i`, with `T_i` growing by `periodMultiplier` after each restart.
  public static func cosineWarmRestarts(
    baseRate: Double, k: Int, firstPeriod: Int, periodMultiplier: Int, floor: Double
  ) -> Double {
    precondition(firstPeriod > 0 && periodMultiplier >= 1, "restarts need T_0 > 0 and T_mult ≥ 1")
    var position = max(0, k)
    var period = firstPeriod
    while position >= period {
      position -= period
      period *= periodMultiplier
    }
    return floor + (baseRate - floor) * (1 + cos(Double.pi * Double(position) / Double(period))) / 2
  }

  /// LinearLR's factor (end factor 1): `startFactor + (1 − startFactor)·k/length`, then 1 from `length` on.
  public static func linearWarmupFactor(k: Int, length: Int, startFactor: Double) -> Double {
    guard k < length else { return 1 }
    return startFactor + (1 - startFactor) * Double(max(0, k)) / Double(length)
  }

  /// PyTorch's OneCycleLR (two phases, cosine): rate and momentum at step `k`.
  ///
  /// Starts at `maxRate/divFactor`, peaks at step `pctStart·totalSteps − 1`, ends at
  /// `maxRate/divFactor/finalDivFactor` on step `totalSteps − 1` exactly (steps past it hold
  /// the final value). Momentum runs the other way, `high → low → high`.
  public static func oneCyclePyTorch(
    maxRate: Double, k: Int, totalSteps: Int, pctStart: Double = 0.25, divFactor: Double = 25,
    finalDivFactor: Double = 1e4, highMomentum: Double = 0.95, lowMomentum: Double = 0.85
  ) -> (rate: Double, momentum: Double) {
    let initial = maxRate / divFactor
    let minimum = initial / finalDivFactor
    let peak = pctStart * Double(totalSteps) - 1
    let last = Double(totalSteps - 1)
    let step = min(Double(max(0, k)), last)
    if step <= peak {
      let fraction = peak > 0 ? step / peak : 1
      return (
        cosineInterpolation(from: initial, to: maxRate, fraction: fraction),
        cosineInterpolation(from: highMomentum, to: lowMomentum, fraction: fraction)
      )
    }
    let fraction = (step - peak) / (last - peak)
    return (
      cosineInterpolation(from: maxRate, to: minimum, fraction: fraction),
      cosineInterpolation(from: lowMomentum, to: highMomentum, fraction: fraction)
    )
  }

  /// fastai's `fit_one_cycle` schedule at step `k` of `totalSteps`, with `pos = k/totalSteps`.
  ///
  /// Rate: `lr_max/div → lr_max` over `pos < pctStart`, then `lr_max → lr_max/divFinal`
  /// (fastai's `combined_cos`); momentum `high → low → high`. Unlike PyTorch, the peak is at
  /// `k = pctStart·totalSteps` and the final value is reached only at `k = totalSteps`.
  public static func oneCycleFastai(
    maxRate: Double, k: Int, totalSteps: Int, pctStart: Double = 0.25, div: Double = 25,
    divFinal: Double = 1e5, highMomentum: Double = 0.95, lowMomentum: Double = 0.85
  ) -> (rate: Double, momentum: Double) {
    precondition(totalSteps > 0, "one-cycle needs totalSteps > 0")
    let position = min(Double(max(0, k)) / Double(totalSteps), 1)
    if position < pctStart {
      let fraction = position / pctStart
      return (
        fastaiCosine(from: maxRate / div, to: maxRate, fraction: fraction),
        fastaiCosine(from: highMomentum, to: lowMomentum, fraction: fraction)
      )
    }
    let fraction = pctStart < 1 ? (position - pctStart) / (1 - pctStart) : 1
    return (
      fastaiCosine(from: maxRate, to: maxRate / divFinal, fraction: fraction),
      fastaiCosine(from: lowMomentum, to: highMomentum, fraction: fraction)
    )
  }

  /// fastai's `SchedCos`: `start + (1 + cos(π·(1 − fraction)))·(end − start)/2`.
  public static func fastaiCosine(from start: Double, to end: Double, fraction: Double) -> Double {
    start + (1 + cos(Double.pi * (1 - fraction))) * (end - start) / 2
  }
}
