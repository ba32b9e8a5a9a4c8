import Foundation
import NN

extension Trainer {
  /// Publishes a snapshot if one is due (at most `publishRate` a second), or now if `force`.
  func publish(force: Bool) {
    guard publishClock.isDue(rate: configuration.publishRate) || force else { return }
    channel.publish(makeSnapshot())
  }

  /// An immutable picture of the run as it stands. Reads the trainer; changes nothing.
  public func makeSnapshot() -> TrainingSnapshot {
    var s = TrainingSnapshot(info: info)
    s.status = status
    s.epoch = min(totalEpochs, progress.epoch + (status == .running ? 1 : 0))
    s.step = progress.step
    s.optimizer = optimizer.kind
    s.hyperparameters = hyperparameterValues()
    s.scheduleDescription = schedule.description
    s.elapsedSeconds = Date().timeIntervalSince(startTime)
    s.samplesPerSecond = status == .paused ? pausedSamplesPerSecond : currentSamplesPerSecond()
    s.etaSeconds = estimatedSecondsLeft(samplesPerSecond: s.samplesPerSecond)
    s.stepLoss = history.series(.trainLoss)
    s.learningRate = history.series(.learningRate)
    s.gradientNorm = history.series(.gradientNorm)
    s.upcomingLearningRate = schedule.upcomingRates(fromStep: progress.step, points: 200)
    s.learningRateChanges = learningRateChanges
    s.layerGradientNorms = model.layerGradientNorms()
    s.epochs = epochHistory.records
    s.earlyStopping = configuration.earlyStoppingEnabled ? earlyStopping.status : nil
    s.events = recorder.recent
    s.testMetrics = testMetrics
    s.validation = lastValidation
    s.autoPause = autoPause.summary(step: progress.step)
    s.lrFinder = lrFinder
    s.alerts = health.badge
    s.filters = model.firstConvolutionFilters()
    return s
  }

  /// Every hyper-parameter's current value; clipping that is off is absent.
  func hyperparameterValues() -> [Hyperparameter: Double] {
    var values: [Hyperparameter: Double] = [:]
    for knob in Hyperparameter.allCases {
      values[knob] = value(of: knob)
    }
    return values
  }

  /// Samples per second over the current epoch so far, else the last epoch's.
  func currentSamplesPerSecond() -> Double {
    let wall = Date().timeIntervalSince1970 - accumulator.startTime - accumulator.pausedSeconds
    if accumulator.samples > 0, wall > 0 { return Double(accumulator.samples) / wall }
    return epochHistory.last?.samplesPerSecond ?? 0
  }

  /// Seconds to the end of the run at the current speed.
  func estimatedSecondsLeft(samplesPerSecond: Double) -> Double? {
    guard samplesPerSecond > 0, status != .stopped(stopReason ?? .epochsDone) else { return nil }
    let stepsLeft = max(0, totalSteps - progress.step)
    return Double(stepsLeft * sampler.batchSize) / samplesPerSecond
  }

  /// The 1-based epoch an event belongs to: the one running, or the one just finished at a boundary.
  var currentEpochNumber: Int {
    progress.batchInEpoch == 0 && progress.epoch > 0 ? progress.epoch : progress.epoch + 1
  }

  /// Records an event at the current step and epoch.
  func record(_ detail: EventDetail, source: CommandSource? = nil) {
    recorder.record(detail, step: progress.step, epoch: currentEpochNumber, source: source)
  }

  /// Runs a log write; the first failure becomes an event (and is printed once), never a crash.
  func writeLog(_ body: (RunLog) throws -> Void) {
    recorder.write(step: progress.step, epoch: currentEpochNumber, body)
  }
}
