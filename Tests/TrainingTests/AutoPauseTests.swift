import Datasets
import Foundation
import NN
import Testing

@testable import Training

/// Runs `trainer` on a thread of its own: its loop blocks, and on the cooperative pool (two threads
/// here) two such loops would starve the tests' own awaits.
func runOnThread(_ trainer: Trainer) -> Task<Void, Never> {
  let box = UncheckedBox(trainer)
  return Task {
    await withCheckedContinuation { continuation in
      Thread {
        box.value.run()
        continuation.resume()
      }.start()
    }
  }
}

/// `:run N`, `:run Ne` and `:until`: the trainer pauses by itself, exactly where asked.
@Suite struct AutoPauseTests {
  /// A digits run (20 steps per epoch, 300 epochs: long enough, and a failed test does not leave it
  /// running for ever) started paused on its own thread.
  func startPaused() async throws -> (Trainer, TrainerChannel, Task<Void, Never>, TrainingSnapshot) {
    let channel = TrainerChannel()
    var configuration = TrainerFixtures.digitsConfiguration(epochs: 300)
    configuration.earlyStoppingEnabled = false
    let trainer = Trainer(configuration: configuration, dataset: TrainerFixtures.digits, channel: channel)
    channel.send(.pause, source: .key)
    let done = runOnThread(trainer)
    let paused = try await waitForSnapshot(channel) { $0.status == .paused }
    return (trainer, channel, done, paused)
  }

  func stop(_ channel: TrainerChannel, _ done: Task<Void, Never>) async {
    channel.send(.stop(.manual), source: .key)
    await done.value
  }

  @Test func runStepsTakesExactlyThatManyAndPauses() async throws {
    let (trainer, channel, done, paused) = try await startPaused()
    channel.send(.run(.steps(37)), source: .prompt)
    let again = try await waitForSnapshot(channel) { $0.status == .paused && $0.step > paused.step }
    #expect(again.step == paused.step + 37)
    try await Task.sleep(for: .milliseconds(150))
    #expect(channel.latest().snapshot?.step == paused.step + 37)  // and stays there
    #expect(again.autoPause == nil)
    let messages = again.events.map(\.message)
    #expect(messages.contains("run 37 steps, then pause"))
    #expect(messages.contains("paused: \(paused.step + 37) steps reached"))
    await stop(channel, done)
    #expect(trainer.finalStopReason == .manual)
  }

  @Test func runEpochsPausesAtAnEpochEnd() async throws {
    let (_, channel, done, paused) = try await startPaused()
    #expect(paused.step == 0)
    channel.send(.run(.epochs(2)), source: .prompt)
    let again = try await waitForSnapshot(channel) { $0.status == .paused && $0.step > 0 }
    #expect(again.step == 40)  // two epochs of 20 steps
    #expect(again.epochs.count == 2)
    #expect(again.events.last?.message == "paused: epoch 2 done")
    await stop(channel, done)
  }

  @Test func untilPausesWhenTheMetricCrossesAndTheHeaderCountsDown() async throws {
    let (_, channel, done, _) = try await startPaused()
    channel.send(.pauseWhen(PauseCondition(monitor: .validationAccuracy, above: true, value: 0.9)), source: .prompt)
    let waiting = try await waitForSnapshot(channel) { $0.autoPause != nil }
    #expect(waiting.autoPause == "until val_accuracy > 0.9")
    channel.send(.run(.steps(1000)), source: .prompt)
    let met = try await waitForSnapshot(channel) { $0.status == .paused && $0.step > 0 }
    // Digits passes 90% validation accuracy within a few epochs (lr 1e-2), long before 1000 steps.
    let accuracy = try #require(met.epochs.last?.validationMetric)
    #expect(accuracy > 0.9)
    #expect(met.epochs.dropLast().allSatisfy { $0.validationMetric <= 0.9 })
    #expect(met.step % 20 == 0 && met.step < 1000)
    #expect(met.events.last?.message.hasPrefix("paused: val_accuracy 0.") == true)
    #expect(met.autoPause == "pause in \(1000 - met.step) steps")
    await stop(channel, done)
  }

  @Test func theHeaderCountdownNamesEveryPendingPause() {
    let condition = PauseCondition(monitor: .validationLoss, above: false, value: 0.05)
    let pause = AutoPause(atStep: 1100, afterEpoch: 7, condition: condition)
    #expect(pause.summary(step: 1043) == "pause in 57 steps, pause after epoch 7, until val_loss < 0.05")
    #expect(AutoPause().summary(step: 3) == nil)
  }

  @Test func zeroBudgetsAreRejected() {
    let trainer = Trainer(configuration: TrainerFixtures.digitsConfiguration(), dataset: TrainerFixtures.digits)
    trainer.apply(.run(.steps(0)), source: .prompt)
    #expect(trainer.recorder.recent.last?.message == "run rejected: expected at least 1 step")
  }
}
