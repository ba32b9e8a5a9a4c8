import Foundation
import NN

extension Trainer {
  /// The most events a snapshot carries.
  static let eventLimit = 200

  /// Publishes a snapshot if one is due (at most `publishRate` a second), or now if `force`.
  func publish(force: Bool) {
    guard publishClock.isDue(rate: configuration.publishRate) || force else { return }
    channel.publish(makeSnapshot())
  }

  /// An immutable picture of the run as it stands.
  public func makeSnapshot() -> TrainingSnapshot {
    var s = TrainingSnapshot(info: info)
    s.status = status
    s.epoch = min(configuration.epochs, progress.epoch + (status == .running ? 1 : 0))
    s.step = progress.step
    s.optimizer = optimizer.kind
    s.settings = optimizer.settings
    s.settings.learningRate = schedule.rate(atStep: progress.step)
    s.l1 = regularization.l1
    s.l2 = regularization.l2
    s.clipNorm = regularization.clipNorm
    s.scheduleDescription = schedule.description
    s.elapsedSeconds = Date().timeIntervalSince(startTime)
    s.samplesPerSecond = recentSamplesPerSecond()
    s.etaSeconds = estimatedSecondsLeft(samplesPerSecond: s.samplesPerSecond)
    s.stepLoss = history.series(.trainLoss)
    s.learningRate = history.series(.learningRate)
    s.gradientNorm = history.series(.gradientNorm)
    s.upcomingLearningRate = schedule.upcomingRates(fromStep: progress.step, points: 200)
    s.learningRateChanges = learningRateChanges
    s.layerGradientNorms = model.layerGradientNorms()
    s.epochs = epochMetrics
    s.earlyStopping = configuration.earlyStoppingEnabled ? earlyStopping.status : nil
    s.events = recentEvents
    s.testMetrics = testMetrics
    return s
  }

  /// Samples per second over the current epoch so far (or the last epoch's); frozen while paused.
  func recentSamplesPerSecond() -> Double {
    if status == .paused { return lastSamplesPerSecond }
    let wall = Date().timeIntervalSince1970 - accumulator.startTime - accumulator.pausedSeconds
    if accumulator.samples > 0, wall > 0 {
      lastSamplesPerSecond = Double(accumulator.samples) / wall
    } else if let last = epochMetrics.last {
      lastSamplesPerSecond = last.samplesPerSecond
    }
    return lastSamplesPerSecond
  }

  /// Seconds to the end of the run at the current speed.
  func estimatedSecondsLeft(samplesPerSecond: Double) -> Double? {
    guard samplesPerSecond > 0, status != .stopped(stopReason ?? .epochsDone) else { return nil }
    let stepsLeft = max(0, info.totalSteps - progress.step)
    return Double(stepsLeft * configuration.batchSize) / samplesPerSecond
  }

  /// The 1-based epoch an event belongs to: the one running, or the one just finished at a boundary.
  var currentEpochNumber: Int {
    progress.batchInEpoch == 0 && progress.epoch > 0 ? progress.epoch : progress.epoch + 1
  }

  /// Records an event: in the snapshot's bounded list and in events.jsonl.
  func log(
    _ kind: TrainingEvent.Kind, _ message: String, source: CommandSource? = nil,
    oldValue: String? = nil, newValue: String? = nil
  ) {
    let event = TrainingEvent(
      time: Date().timeIntervalSince1970, step: progress.step, epoch: currentEpochNumber,
      kind: kind, message: message, source: source, oldValue: oldValue, newValue: newValue)
    // A new best is logged but not shown: the early-stopping pane already says it, every epoch.
    if kind != .best {
      recentEvents.append(event)
      if recentEvents.count > Self.eventLimit { recentEvents.removeFirst() }
    }
    writeLog { try $0.appendEvent(event) }
  }

  /// Runs a log write; the first failure becomes an event (and is printed once), never a crash.
  func writeLog(_ body: (RunLog) throws -> Void) {
    guard let runLog, !logFailed else { return }
    do {
      try body(runLog)
    } catch {
      logFailed = true
      log(.rejected, "run log write failed: \(error); logging stopped")
    }
  }
}
