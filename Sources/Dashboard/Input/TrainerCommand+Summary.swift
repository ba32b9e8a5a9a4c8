import Training

extension TrainerCommand {
  /// A short description for the status line, e.g. `lr ×1.25`, `optimizer → adamw`.
  public var summary: String {
    switch self {
    case .pause: "pause"
    case .resume: "resume"
    case .step: "one step"
    case .stop(let reason): "stop (\(reason.rawValue))"
    case .set(let knob, let value): knob.label + " → " + knob.format(value)
    case .scaleLearningRate(let factor):
      factor >= 1 ? "lr ×" + Format.compact(factor) : "lr ÷" + Format.compact(1 / factor)
    case .setOptimizer(let kind): "optimizer → " + kind.rawValue
    case .setSchedule(let name): "schedule → " + name.rawValue
    case .saveCheckpoint(let path): "save checkpoint" + (path.map { " → " + $0 } ?? "")
    case .run(let budget): "run " + budget.description
    case .pauseWhen(let condition): condition.map { "until " + $0.description } ?? "until off"
    case .undo: "undo"
    case .findLearningRate: "lr-find on a copy of the weights"
    case .setEpochs(let epochs): "epochs → \(epochs)"
    case .setDropout(let rate): "dropout → " + Format.compact(rate)
    case .setBatchSize(let size): "batch → \(size)"
    case .fork: "fork: a copy of the run continues beside it"
    case .finishLRFind(let rate): rate.map { "lr → " + Format.rate($0) + " (lr-find)" } ?? "lr-find discarded"
    }
  }
}

extension TrainerCommand {
  /// True for the changes a fork may make: settings, the optimizer, the schedule, epochs, dropout,
  /// batch size.
  public var isForkable: Bool {
    switch self {
    case .set, .scaleLearningRate, .setOptimizer, .setSchedule, .setEpochs, .setDropout, .setBatchSize: true
    case .pause, .resume, .step, .stop, .saveCheckpoint, .run, .pauseWhen, .undo, .findLearningRate, .finishLRFind,
      .fork:
      false
    }
  }
}
