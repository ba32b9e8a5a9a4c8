import ArgumentParser
import Datasets
import NN
import Training

extension RunPlan {
  static func fillOptimizer(
    _ t: inout TrainerConfiguration, _ o: TrainOptions, _ c: ConfigFile, _ d: DatasetDefaults
  ) throws {
    if let text = try o.optimizer ?? c.string("optimizer") {
      t.optimizer = try parse(OptimizerKind.self, text, "--optimizer", names(OptimizerKind.allCases))
    }
    let lr = try o.lr ?? c.number("lr") ?? d.learningRate
    guard lr.isFinite, lr > 0 else { throw ValidationError("--lr must be a positive number, got \(lr)") }
    t.settings.learningRate = lr
    try unit(o.momentum ?? c.number("momentum"), "--momentum").map { t.settings.momentum = $0 }
    try unit(o.beta1 ?? c.number("beta1"), "--beta1").map { t.settings.beta1 = $0 }
    try unit(o.beta2 ?? c.number("beta2"), "--beta2").map { t.settings.beta2 = $0 }
    t.settings.weightDecay = try nonNegative(o.weightDecay ?? c.number("weight-decay"), "--weight-decay")
      ?? (t.optimizer == .adamw ? 0.01 : 0)
    t.l1 = try nonNegative(o.l1 ?? c.number("l1"), "--l1") ?? 0
    t.l2 = try nonNegative(o.l2 ?? c.number("l2"), "--l2") ?? 0
    t.clipNorm = try positive(o.clipNorm ?? c.number("clip-norm"), "--clip-norm")
    t.clipValue = try positive(o.clipValue ?? c.number("clip-value"), "--clip-value")
  }

  static func fillTraining(
    _ t: inout TrainerConfiguration, _ o: TrainOptions, _ c: ConfigFile, _ d: DatasetDefaults
  ) throws {
    let batch = try o.batchSize ?? c.integer("batch-size") ?? d.batchSize
    guard batch >= 0 else { throw ValidationError("--batch-size must be ≥ 1 (or 0 for the full set), got \(batch)") }
    t.batchSize = batch
    let epochs = try o.epochs ?? c.integer("epochs") ?? d.epochs
    guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
    t.epochs = epochs
    if let text = try o.schedule ?? c.string("schedule") {
      t.schedule = try parse(ScheduleName.self, text, "--schedule", names(ScheduleName.allCases))
    }
    if let warmup = try o.warmup ?? c.number("warmup") {
      guard warmup >= 0, warmup == warmup.rounded() else {
        throw ValidationError("--warmup must be a whole number of epochs ≥ 0, got \(warmup)")
      }
      t.warmupEpochs = Int(warmup)
    }
    if let text = try o.onNan ?? c.string("on-nan") {
      t.onNonFinite = try parse(NonFinitePolicy.self, text, "--on-nan", names(NonFinitePolicy.allCases))
    }
    if let limit = try o.nanLimit ?? c.integer("nan-limit") {
      guard limit >= 1 else { throw ValidationError("--nan-limit must be at least 1, got \(limit)") }
      t.nonFiniteLimit = limit
    }
    if let factor = try o.rollbackFactor ?? c.number("rollback-factor") {
      guard factor > 0, factor < 1 else { throw ValidationError("--rollback-factor must be in (0, 1), got \(factor)") }
      t.rollbackFactor = factor
    }
    if let seed = try o.seed ?? c.integer("seed").map({ UInt64(clamping: $0) }) { t.seed = seed }
  }

  static func fillEarlyStopping(
    _ t: inout TrainerConfiguration, _ o: TrainOptions, _ c: ConfigFile, _ d: DatasetDefaults
  ) throws {
    let patience = try o.patience ?? c.integer("patience") ?? d.patience
    guard patience >= 0 else { throw ValidationError("--patience must be ≥ 0, got \(patience)") }
    var monitor = EarlyStoppingMonitor.validationLoss
    if let text = try o.monitor ?? c.string("monitor") {
      monitor = try parse(EarlyStoppingMonitor.self, text, "--monitor", names(EarlyStoppingMonitor.allCases))
    }
    let minDelta = try nonNegative(o.minDelta ?? c.number("min-delta"), "--min-delta") ?? 0
    let restore = try o.restoreBest ?? c.bool("restore-best") ?? false
    t.earlyStopping = EarlyStopping(
      monitor: monitor, minDelta: minDelta, patience: patience, restoreBestWeights: restore)
    t.earlyStoppingEnabled = patience > 0
  }

  private static func unit(_ value: Double?, _ option: String) throws -> Double? {
    guard let value else { return nil }
    guard value >= 0, value < 1 else { throw ValidationError("\(option) must be in [0, 1), got \(value)") }
    return value
  }

  private static func nonNegative(_ value: Double?, _ option: String) throws -> Double? {
    guard let value else { return nil }
    guard value.isFinite, value >= 0 else { throw ValidationError("\(option) must be ≥ 0, got \(value)") }
    return value
  }

  private static func positive(_ value: Double?, _ option: String) throws -> Double? {
    guard let value else { return nil }
    guard value.isFinite, value > 0 else { throw ValidationError("\(option) must be positive, got \(value)") }
    return value
  }
}
