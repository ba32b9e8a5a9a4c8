import NN
import Training

/// The dashboard's view of a recorded run at one step: everything as it was then — curves, epochs,
/// events, settings and the early-stopping countdown up to that step.
extension RecordedRun {
  /// The snapshot at `requested` (nil: the newest step), clamped to the steps on record.
  func snapshot(atStep requested: Int?) -> TrainingSnapshot {
    let end = lastStep
    let step = max(0, min(requested ?? end, end))
    let index = steps.lastIndex(atOrBefore: step)
    let shownEvents = events.filter { $0.step <= step }
    var s = TrainingSnapshot(info: info(upTo: shownEvents))
    s.step = step
    s.epoch = index.map { steps.epoch[$0] } ?? 1
    s.status = status(at: step, end: end)
    fillCurves(&s, through: index)
    let finishedEpochs = epochs.filter { epochEndStep($0.epoch) <= step }
    s.epochs = finishedEpochs
    s.elapsedSeconds = finishedEpochs.reduce(0) { $0 + $1.seconds }
    s.events = shownEvents.filter { $0.kind != .best }.map(Self.event)
    s.learningRateChanges = shownEvents.filter { $0.setting == Hyperparameter.learningRate.optionName }.map(\.step)
    applySettings(shownEvents, to: &s)
    s.earlyStopping = earlyStopping(over: finishedEpochs, events: shownEvents)
    if case .stopped = s.status, let results {
      s.testMetrics = results.testMetrics.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }
    return s
  }

  /// The step at which `epoch` ended: its last logged step, else where whole epochs would put it
  /// (`Int.max` past any step for an epoch number too large to multiply: `:goto epoch` and
  /// metrics.csv are input).
  func epochEndStep(_ epoch: Int) -> Int {
    if let logged = steps.epochEnd[epoch] { return logged }
    let end = max(0, epoch).multipliedReportingOverflow(by: stepsPerEpoch)
    return end.overflow ? Int.max : end.partialValue
  }

  /// Steps in an epoch: as config.json recorded it, else the first epoch's logged steps once it
  /// ended, else the results' count per epoch.
  var stepsPerEpoch: Int {
    if let recorded = record.stepsPerEpoch, recorded > 0 { return recorded }
    if let first = steps.epochEnd[1], steps.epochEnd[2] != nil || results != nil { return max(1, first) }
    if let results, results.epochs > 0 { return max(1, results.steps / results.epochs) }
    return max(1, steps.epochEnd[1] ?? 1)
  }

  private func info(upTo shown: [EventRecord]) -> RunInfo {
    // Numbers read back from files are bounded before arithmetic (a damaged value must not trap).
    let epochsChange = shown.last { $0.setting == "epochs" }?.value.flatMap { Int(exactly: $0) }
    let totalEpochs = min(max(1, epochsChange ?? record.trainer.epochs), 10_000_000)
    let planned = totalEpochs.multipliedReportingOverflow(by: stepsPerEpoch)
    let totalSteps = results?.steps ?? max(lastStep, planned.overflow ? Int.max : planned.partialValue)
    var info = RunInfo(
      datasetName: record.dataset.source.shortName, modelSummary: record.trainer.model.description,
      isClassification: isClassification, totalEpochs: totalEpochs, stepsPerEpoch: stepsPerEpoch,
      batchSize: record.trainer.batchSize, totalSteps: totalSteps, runDirectory: directory.path,
      computeEngine: record.blas, frozenLayers: record.trainer.freeze ?? [])
    info.isRecorded = true
    return info
  }

  /// Stopped at the end of a finished run, running at the end of one still being written, paused
  /// anywhere earlier (the time cursor is not at the end).
  private func status(at step: Int, end: Int) -> TrainingStatus {
    guard step >= end else { return .paused }
    guard let results else { return .running }
    return .stopped(StopReason(rawValue: results.stopReason) ?? .epochsDone)
  }

  private func fillCurves(_ s: inout TrainingSnapshot, through index: Int?) {
    guard let index else { return }
    let history = steps.history(count: index + 1)
    s.stepLoss = history.series(.trainLoss)
    s.learningRate = history.series(.learningRate)
    s.gradientNorm = history.series(.gradientNorm)
    s.samplesPerSecond = steps.samplesPerSecond[index]
    s.layerGradientNorms = zip(layerNames, steps.layerNorms[index]).map { (name: $0, norm: $1) }
    s.hyperparameters[.learningRate] = steps.learningRate[index]
  }

  /// The settings the run started with, then every recorded change up to the cursor.
  private func applySettings(_ shown: [EventRecord], to s: inout TrainingSnapshot) {
    let configuration = record.trainer
    let rate = s.hyperparameters[.learningRate]
    for knob in Hyperparameter.allCases { s.hyperparameters[knob] = configuration.storedValue(knob) }
    s.optimizer = configuration.optimizer
    s.scheduleDescription = configuration.schedule.rawValue
    for event in shown {
      guard let setting = event.setting else { continue }
      if let knob = Hyperparameter(rawValue: setting) {
        s.hyperparameters[knob] = event.value
      } else if setting == "optimizer", let kind = event.new.flatMap(OptimizerKind.init(rawValue:)) {
        s.optimizer = kind
      } else if setting == "schedule", let name = event.new {
        s.scheduleDescription = name
      }
    }
    if let rate { s.hyperparameters[.learningRate] = rate }  // the logged rate, schedule included
  }

  /// Early stopping replayed over the epochs up to the cursor, with patience changes applied when
  /// they were made; nil when the run had it off.
  private func earlyStopping(over finished: [EpochMetrics], events shown: [EventRecord]) -> EarlyStoppingStatus? {
    guard record.trainer.earlyStoppingEnabled else { return nil }
    var stopping = record.trainer.earlyStopping
    let patienceChanges = shown.filter { $0.setting == Hyperparameter.patience.optionName }
    for metrics in finished {
      let end = epochEndStep(metrics.epoch)
      if let change = patienceChanges.last(where: { $0.step <= end }), let value = change.value, value > 0, value < 1e9
      {
        stopping.patience = Int(value)
      }
      guard let value = stopping.monitor.value(in: metrics) else { continue }
      _ = stopping.update(epoch: metrics.epoch, value: value)
    }
    return stopping.status
  }

  /// A recorded event as the events pane shows it.
  static func event(_ record: EventRecord) -> TrainingEvent {
    TrainingEvent(
      sequence: record.sequence, time: record.time, step: record.step, epoch: record.epoch, source: record.source,
      detail: .recorded(record))
  }
}
