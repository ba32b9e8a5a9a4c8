import Datasets
import Foundation
import NN
import Testing

@testable import Training

/// Alerts inside a run: they become events, show in the snapshot's badge, and do what
/// `--on-alert` says. An exploding-gradients factor of 1e-6 makes the alert certain: every norm is
/// above a millionth of the median, so it fires at step 21 (after the 20-step warm-up) and every
/// 50 steps after (its rest).
@Suite struct HealthActionTests {
  func trainer(action: AlertAction, epochs: Int = 4) -> Trainer {
    var configuration = TrainerFixtures.digitsConfiguration(epochs: epochs)
    var alerts = HealthSettings()
    alerts.explodeFactor = 1e-6
    alerts.actions[.explodingGradients] = action
    configuration.alerts = alerts
    return Trainer(configuration: configuration, dataset: TrainerFixtures.digits)
  }

  func alertEvents(_ trainer: Trainer) -> [TrainingEvent] {
    trainer.recorder.recent.filter { $0.kind == .alert }
  }

  @Test func anAlertThatOnlyReportsIsAnEventAndABadge() {
    let trainer = trainer(action: .none)  // digits: 20 steps an epoch, 80 in all
    trainer.run()
    let events = alertEvents(trainer)
    #expect(events.map(\.step) == [21, 71])
    #expect(events.allSatisfy { $0.source == .alert })
    guard case .alert(.explodingGradients(_, _, let threshold), .none)? = events.first?.detail else {
      Issue.record("expected an exploding-gradients alert, got \(String(describing: events.first))")
      return
    }
    #expect(threshold == 1e-6)
    #expect(events.first?.message.hasPrefix("exploding gradients: global norm ") == true)
    #expect(trainer.makeSnapshot().alerts == [AlertTally(kind: .explodingGradients, count: 2)])
    #expect(trainer.finalStopReason == .epochsDone)
  }

  @Test func stopEndsTheRunAfterTheAlertingStep() {
    let trainer = trainer(action: .stop)
    trainer.run()
    #expect(trainer.finalStopReason == .alert)
    #expect(trainer.step == 21)
    #expect(alertEvents(trainer).first?.message.hasSuffix(" → stop") == true)
    #expect(!trainer.finalTestMetrics.isEmpty)  // a stop still evaluates on test and writes results
  }

  @Test func scalingTheRateGoesThroughTheOrdinaryChange() {
    let trainer = trainer(action: .scaleLearningRate(0.5))
    trainer.run()
    let changes = trainer.recorder.recent.filter {
      if case .setting(.learningRate, _, _) = $0.detail { return true }
      return false
    }
    #expect(changes.map(\.step) == [21, 71])
    #expect(changes.allSatisfy { $0.source == .alert })
    #expect(changes.first?.detail == .setting(.learningRate, old: 1e-2, new: 5e-3))
    #expect(trainer.value(of: .learningRate) == 2.5e-3)
  }

  @Test func pauseWaitsForThePerson() async throws {
    let channel = TrainerChannel()
    var configuration = TrainerFixtures.digitsConfiguration(epochs: 300)
    var alerts = HealthSettings()
    alerts.explodeFactor = 1e-6
    alerts.actions[.explodingGradients] = .pause
    configuration.alerts = alerts
    let trainer = Trainer(configuration: configuration, dataset: TrainerFixtures.digits, channel: channel)
    let done = runOnThread(trainer)
    let paused = try await waitForSnapshot(channel) { $0.status == .paused }
    #expect(paused.step == 21)
    #expect(paused.events.last?.detail == .autoPaused("exploding gradients alert"))
    channel.send(.stop(.manual), source: .key)
    await done.value
  }

  @Test func deadUnitsAreCountedOverEachEpochOfARealRun() {
    var configuration = TrainerFixtures.digitsConfiguration(epochs: 1)
    var alerts = HealthSettings()
    alerts.deadFraction = 1e-9  // any dead unit at all is reported, so the counts show in the events
    configuration.alerts = alerts
    let trainer = Trainer(configuration: configuration, dataset: TrainerFixtures.digits)
    trainer.run()
    let counts = trainer.model.deadUnitCounts()
    #expect(counts.map(\.layer) == ["relu after dense1"])
    #expect(counts.first?.units == 32)
    let reported = alertEvents(trainer).count
    #expect(reported == ((counts.first?.dead ?? 0) > 0 ? 1 : 0))
  }
}
