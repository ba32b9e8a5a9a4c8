import Training

extension TrainerCommand {
  /// A short description for the status line, e.g. `lr ×1.25`, `optimizer → adamw`.
  public var summary: String {
    switch self {
    case .pause: return "pause"
    case .resume: return "resume"
    case .step: return "one step"
    case .stop(let reason): return "stop (\(reason.rawValue))"
    case .setLearningRate(.absolute(let rate)): return "lr → " + Format.scientific(rate)
    case .setLearningRate(.scale(let factor)):
      return factor >= 1 ? "lr ×" + Format.compact(factor) : "lr ÷" + Format.compact(1 / factor)
    case .setMomentum(let value): return "momentum → " + Format.compact(value, significantDigits: 4)
    case .setBeta1(let value): return "β1 → " + Format.compact(value, significantDigits: 4)
    case .setBeta2(let value): return "β2 → " + Format.compact(value, significantDigits: 4)
    case .setWeightDecay(let value): return "wd → " + Format.compact(value)
    case .setL1(let value): return "l1 → " + Format.compact(value)
    case .setL2(let value): return "l2 → " + Format.compact(value)
    case .setGradientClip(let norm): return "clip → " + (norm.map { Format.compact($0) } ?? "off")
    case .setGradientClipValue(let value): return "clip value → " + (value.map { Format.compact($0) } ?? "off")
    case .setOptimizer(let kind): return "optimizer → " + kind.rawValue
    case .setSchedule(let name): return "schedule → " + name.rawValue
    case .setPatience(let epochs): return "patience → \(epochs)"
    case .saveCheckpoint(let path): return "save checkpoint" + (path.map { " → " + $0 } ?? "")
    }
  }
}
