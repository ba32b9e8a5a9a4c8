import ArgumentParser
import NN
import Training

extension RunPlan {
  /// The schedule's parameters and reduce-on-plateau's, from flags or the config file.
  static func fillSchedule(_ t: inout TrainerConfiguration, _ o: TrainOptions, _ c: ConfigFile) throws {
    var p = ScheduleParameters()
    if let v = try o.stepSize ?? c.integer("step-size") { p.stepSize = try atLeast(1, v, "--step-size") }
    if let v = try o.gamma ?? c.number("gamma") {
      guard v > 0, v <= 1 else { throw ValidationError("--gamma must be in (0, 1], got \(v)") }
      p.stepGamma = v
      p.exponentialGamma = v
    }
    let floor = try o.minLr ?? c.number("min-lr") ?? 0
    guard floor >= 0 else { throw ValidationError("--min-lr must be ≥ 0, got \(floor)") }
    p.minimumRate = floor
    if let v = try o.restartPeriod ?? c.integer("restart-period") { p.restartPeriod = try atLeast(1, v, "--restart-period") }
    if let v = try o.restartMult ?? c.integer("restart-mult") { p.restartMultiplier = try atLeast(1, v, "--restart-mult") }
    if let v = try o.pctStart ?? c.number("pct-start") {
      guard v > 0, v < 1 else { throw ValidationError("--pct-start must be in (0, 1), got \(v)") }
      p.oneCyclePctStart = v
    }
    if let v = try o.div ?? c.number("div") { p.oneCycleDiv = try greaterThanOne(v, "--div") }
    if let v = try o.divFinal ?? c.number("div-final") { p.oneCycleDivFinal = try greaterThanOne(v, "--div-final") }
    t.scheduleParameters = p
    let factor = try o.plateauFactor ?? c.number("plateau-factor") ?? 0.1
    guard factor > 0, factor < 1 else { throw ValidationError("--plateau-factor must be in (0, 1), got \(factor)") }
    let patience = try atLeast(0, try o.plateauPatience ?? c.integer("plateau-patience") ?? 10, "--plateau-patience")
    let cooldown = try atLeast(0, try o.cooldown ?? c.integer("cooldown") ?? 0, "--cooldown")
    let mode: PlateauMode = t.earlyStopping.resolvedMode == .max ? .max : .min
    t.plateau = ReduceOnPlateau(
      mode: mode, factor: factor, patience: patience, cooldown: cooldown, minimumRate: floor)
  }

  private static func atLeast(_ minimum: Int, _ value: Int, _ option: String) throws -> Int {
    guard value >= minimum else { throw ValidationError("\(option) must be at least \(minimum), got \(value)") }
    return value
  }

  private static func greaterThanOne(_ value: Double, _ option: String) throws -> Double {
    guard value > 1 else { throw ValidationError("\(option) must be greater than 1, got \(value)") }
    return value
  }
}
