import Datasets
import Foundation
import NN
import Tensor
import TestSupport
import Testing

@testable import Training

/// Loads a shipped dataset once per process (debug builds parse CSV slowly).
enum TrainerFixtures {
  static let digits: Dataset = load("digits")
  static let iris: Dataset = load("iris")

  static func load(_ name: String) -> Dataset {
    do {
      return try DatasetLoader.load(DatasetOptions(name), datasetsDirectory: Fixtures.datasets)
    } catch {
      fatalError("cannot load \(name): \(error)")
    }
  }

  /// A small digits configuration: 64-32-10, Adam, batch 64 (20 steps per epoch).
  static func digitsConfiguration(epochs: Int = 3) -> TrainerConfiguration {
    var c = TrainerConfiguration(model: ModelSpec(sizes: [64, 32, 10]))
    c.batchSize = 64
    c.epochs = epochs
    c.settings.learningRate = 1e-2
    c.earlyStopping = EarlyStopping(patience: 100)
    return c
  }

  /// The per-step training losses recorded in a trainer's history (exact while under capacity).
  static func losses(_ trainer: Trainer) -> [Double] {
    trainer.history.series(.trainLoss).buckets.map(\.last)
  }
}

@Suite struct TrainerTests {
  /// A full run on iris reaches a sensible accuracy and ends with `epochs done`.
  @Test func trainsIris() {
    var c = TrainerConfiguration(model: ModelSpec(sizes: [4, 16, 3]))
    c.batchSize = 16
    c.epochs = 60
    c.settings.learningRate = 1e-2
    c.earlyStoppingEnabled = false
    let trainer = Trainer(configuration: c, dataset: TrainerFixtures.iris)
    trainer.run()
    #expect(trainer.finalStopReason == .epochsDone)
    #expect(trainer.epochs.count == 60)
    let accuracy = trainer.finalTestMetrics.first { $0.name == "test_accuracy" }?.value ?? 0
    #expect(accuracy >= 0.9, "iris test accuracy \(accuracy)")
  }

  /// The same seed gives bit-identical losses.
  @Test func deterministic() {
    let a = Trainer(configuration: TrainerFixtures.digitsConfiguration(epochs: 1), dataset: TrainerFixtures.digits)
    let b = Trainer(configuration: TrainerFixtures.digitsConfiguration(epochs: 1), dataset: TrainerFixtures.digits)
    a.train(untilStep: 15)
    b.train(untilStep: 15)
    #expect(TrainerFixtures.losses(a) == TrainerFixtures.losses(b))
    #expect(TrainerFixtures.losses(a).count == 15)
  }

  /// Resuming from a checkpoint written after k steps gives the same losses as an uninterrupted run,
  /// across an epoch boundary, with dropout (RNG), a plateau schedule and Adam state.
  @Test func exactResume() throws {
    var c = TrainerFixtures.digitsConfiguration(epochs: 4)
    c.model = ModelSpec(sizes: [64, 32, 10], dropout: 0.2)
    c.schedule = .cosine
    let total = 50
    let k = 27
    let whole = Trainer(configuration: c, dataset: TrainerFixtures.digits)
    whole.train(untilStep: total)

    let first = Trainer(configuration: c, dataset: TrainerFixtures.digits)
    first.train(untilStep: k)
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeAll(dir) }
    let file = dir.appendingPathComponent("last.safetensors")
    try first.makeCheckpoint().save(to: file)

    let second = Trainer(configuration: c, dataset: TrainerFixtures.digits)
    try second.restore(from: Checkpoint.load(from: file))
    #expect(second.step == k)
    second.train(untilStep: total)
    let resumed = TrainerFixtures.losses(first) + TrainerFixtures.losses(second)
    #expect(resumed == TrainerFixtures.losses(whole))
    #expect(
      second.epochs
        == whole.epochs.map { m in
          var m = m
          if let s = second.epochs.first(where: { $0.epoch == m.epoch }) {
            m.seconds = s.seconds
            m.samplesPerSecond = s.samplesPerSecond
          }
          return m
        })
  }

  /// Commands apply in order between steps; each becomes an event with old → new; bad values are rejected.
  @Test func commandsApplyAndLog() {
    let channel = TrainerChannel()
    var c = TrainerFixtures.digitsConfiguration(epochs: 1)
    c.optimizer = .momentum
    c.settings.learningRate = 0.1
    let trainer = Trainer(configuration: c, dataset: TrainerFixtures.digits, channel: channel)
    channel.send(.set(.momentum, 0.5), source: .prompt)
    channel.send(.scaleLearningRate(0.5), source: .key)
    channel.send(.set(.learningRate, -1), source: .prompt)
    channel.send(.set(.weightDecay, 1e-4), source: .prompt)
    channel.send(.setOptimizer(.nesterov), source: .key)
    trainer.train(untilStep: 1)
    #expect(trainer.optimizer.kind == .nesterov)
    #expect(trainer.optimizer.settings.momentum == 0.5)
    #expect(trainer.optimizer.settings.weightDecay == 1e-4)
    #expect(abs(trainer.schedule.rate(atStep: 1) - 0.05) < 1e-12)
    let details = trainer.recorder.recent.map(\.detail)
    #expect(details.contains(.setting(.momentum, old: 0.9, new: 0.5)))
    #expect(details.contains(.setting(.weightDecay, old: 0, new: 1e-4)))
    #expect(details.contains(.rejected(command: "lr", reason: "lr: expected a positive number, got -1")))
    // Before the first step there is no momentum buffer yet, so nothing is carried.
    #expect(details.contains(.optimizer(old: .momentum, new: .nesterov, carried: [])))
    let lr = trainer.recorder.recent.first { if case .setting(.learningRate, _, _) = $0.detail { true } else { false } }
    #expect(lr?.source == .key)
    if case .setting(_, let old?, let new?) = lr?.detail {
      #expect(old == 0.1 && abs(new - 0.05) < 1e-15)
    } else {
      Issue.record("no lr event")
    }
    #expect(trainer.learningRateChanges == [0])
    // Sequence numbers count up from 1 without gaps.
    #expect(trainer.recorder.recent.map(\.sequence) == Array(1...trainer.recorder.recent.count))
  }

  /// Pause stops the steps; `step` takes exactly one; resume continues; stop ends with `manual`.
  @Test func pauseStepResumeStop() async throws {
    let channel = TrainerChannel()
    var configuration = TrainerFixtures.digitsConfiguration(epochs: 100_000)
    configuration.earlyStoppingEnabled = false  // release builds train fast: only `stop` may end this run
    let trainer = Trainer(configuration: configuration, dataset: TrainerFixtures.digits, channel: channel)
    channel.send(.pause, source: .key)
    let done = runOnThread(trainer)
    let paused = try await waitForSnapshot(channel) { $0.status == .paused }
    try await Task.sleep(for: .milliseconds(200))
    #expect(channel.latest().snapshot?.step == paused.step)
    channel.send(.step, source: .key)
    _ = try await waitForSnapshot(channel) { $0.step == paused.step + 1 }
    try await Task.sleep(for: .milliseconds(200))
    #expect(channel.latest().snapshot?.step == paused.step + 1)
    channel.send(.resume, source: .key)
    _ = try await waitForSnapshot(channel) { $0.step > paused.step + 5 }
    channel.send(.stop(.manual), source: .key)
    await done.value
    #expect(trainer.finalStopReason == .manual)
    #expect(channel.isFinished)
    #expect(channel.latest().snapshot?.status == .stopped(.manual))
  }

  /// A NaN loss never reaches the weights; after N bad steps the guard rolls back and cuts the LR.
  @Test func nonFiniteGuardRollsBack() {
    var c = TrainerFixtures.digitsConfiguration(epochs: 2)
    c.optimizer = .sgd
    c.settings.learningRate = 1e30  // explodes within a few steps
    c.nonFiniteLimit = 2
    c.rollbackFactor = 0.5
    let trainer = Trainer(configuration: c, dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 30)
    for p in trainer.model.parameters { #expect(p.value.isFinite, "\(p.name) not finite") }
    #expect(trainer.recorder.recent.contains { $0.kind == .rollback })
    #expect(trainer.recorder.recent.contains { $0.kind == .skippedStep })
  }

  /// With `--on-nan stop` the first non-finite step stops training.
  @Test func nonFiniteStop() {
    var c = TrainerFixtures.digitsConfiguration(epochs: 2)
    c.optimizer = .sgd
    c.settings.learningRate = 1e30
    c.onNonFinite = .stop
    let trainer = Trainer(configuration: c, dataset: TrainerFixtures.digits)
    trainer.run()
    #expect(trainer.finalStopReason == .nonFinite)
  }

  /// A large unregularised MLP overfits digits: early stopping fires and restores the best epoch.
  @Test func earlyStoppingRestoresBest() throws {
    var c = TrainerConfiguration(model: ModelSpec(sizes: [64, 256, 256, 10]))
    c.batchSize = 32
    c.epochs = 200
    c.settings.learningRate = 3e-3
    c.earlyStopping = EarlyStopping(minDelta: 1e-4, patience: 3, restoreBestWeights: true)
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeAll(dir) }
    let log = try RunLog(root: dir, name: "overfit")
    let trainer = Trainer(configuration: c, dataset: TrainerFixtures.digits, runLog: log)
    trainer.run()
    #expect(trainer.finalStopReason == .patienceExhausted)
    let best = try #require(trainer.earlyStopping.status.bestEpoch)
    #expect(trainer.epochs.count == best + 3)
    // Restored: the model's validation loss now equals the best epoch's.
    let validation = trainer.evaluator.evaluate(TrainerFixtures.digits.validation)
    #expect(abs(validation.loss - trainer.epochs[best - 1].validationLoss) < 1e-9)
    let events = try String(contentsOf: log.url(of: .events), encoding: .utf8)
    #expect(events.contains("early stop: patience exhausted"))
    #expect(events.contains("restored best weights from epoch \(best)"))
  }
}

/// Waits until the channel's snapshot satisfies `condition` (10 s at most).
func waitForSnapshot(
  _ channel: TrainerChannel, _ condition: (TrainingSnapshot) -> Bool
) async throws -> TrainingSnapshot {
  for _ in 0..<1000 {
    if let s = channel.latest().snapshot, condition(s) { return s }
    try await Task.sleep(for: .milliseconds(10))
  }
  Issue.record("timed out waiting for a snapshot")
  throw CancellationError()
}

/// Hands a non-Sendable trainer to the detached task that owns it from then on.
struct UncheckedBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

extension FileManager {
  /// Removes a directory tree.
  func removeAll(_ url: URL) throws { try removeItem(at: url) }
}

@Suite struct TrainerCommandTests {
  /// `save` writes checkpoints/step-N.safetensors (or the given path), loadable and logged; schedule,
  /// patience, clip and penalties change with an event each.
  @Test func saveScheduleAndRegularisationCommands() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = try RunLog(root: dir, name: "commands")
    let channel = TrainerChannel()
    let trainer = Trainer(
      configuration: TrainerFixtures.digitsConfiguration(epochs: 2), dataset: TrainerFixtures.digits,
      channel: channel, runLog: log)
    let custom = dir.appendingPathComponent("mine.safetensors").path
    channel.send(.saveCheckpoint(path: nil), source: .key)
    channel.send(.saveCheckpoint(path: custom), source: .prompt)
    channel.send(.setSchedule(.cosine), source: .prompt)
    channel.send(.set(.patience, 7), source: .prompt)
    channel.send(.set(.clipNorm, 1.5), source: .prompt)
    channel.send(.set(.l2, 1e-4), source: .prompt)
    channel.send(.set(.patience, -1), source: .prompt)
    trainer.train(untilStep: 3)

    let named = log.directory.appendingPathComponent("checkpoints/step-0.safetensors")
    let saved = try Checkpoint.load(from: named)
    #expect(saved.step == 0)
    #expect(FileManager.default.fileExists(atPath: custom))
    #expect(trainer.schedule.description.hasPrefix("cosine"))
    #expect(trainer.earlyStopping.patience == 7)
    #expect(trainer.regularization.clipNorm == 1.5)
    #expect(trainer.regularization.l2 == 1e-4)
    let details = trainer.recorder.recent.map(\.detail)
    #expect(details.contains(.checkpointSaved(path: named.path)))
    #expect(details.contains(.setting(.patience, old: 100, new: 7)))
    #expect(details.contains(.setting(.clipNorm, old: nil, new: 1.5)))
    #expect(details.contains(.setting(.l2, old: 0, new: 1e-4)))
    #expect(details.contains { if case .schedule(old: "constant", _) = $0 { true } else { false } })
    #expect(
      details.contains(.rejected(command: "patience", reason: "patience: expected a whole number in 0…1000000, got -1"))
    )
  }
}

@Suite struct TrainerThreadsTests {
  /// `:threads 2` changes the trainer thread's compute threads between two steps, as an event;
  /// the configured count applies when training starts, on the trainer's own thread.
  @Test func threadsAreALiveKnob() {
    let channel = TrainerChannel()
    var configuration = TrainerFixtures.digitsConfiguration(epochs: 1)
    configuration.threads = 1
    let trainer = Trainer(configuration: configuration, dataset: TrainerFixtures.digits, channel: channel)
    channel.send(.set(.threads, 2), source: .prompt)
    channel.send(.set(.threads, 0), source: .prompt)
    trainer.train(untilStep: 2)
    let details = trainer.recorder.recent.map(\.detail)
    #expect(details.contains(.setting(.threads, old: 1, new: 2)))
    #expect(details.contains(.rejected(command: "threads", reason: "threads: expected a whole number in 1…256, got 0")))
    #expect(trainer.makeSnapshot().hyperparameters[.threads] == 2)
    ComputeEngine.setThreads(1)
  }
}

@Suite struct TrainerGuardTests {
  /// `lr *1e300` twice would overflow the rate: the second is rejected with a reason, nothing traps.
  @Test func overflowingLearningRateIsRejected() {
    let channel = TrainerChannel()
    let trainer = Trainer(
      configuration: TrainerFixtures.digitsConfiguration(epochs: 1), dataset: TrainerFixtures.digits,
      channel: channel)
    channel.send(.scaleLearningRate(1e300), source: .prompt)
    channel.send(.scaleLearningRate(1e300), source: .prompt)
    trainer.train(untilStep: 1)
    let rejected = trainer.recorder.recent.filter { $0.kind == .rejected }
    #expect(rejected.count == 1)
    #expect(rejected.first?.message.hasPrefix("lr rejected:") == true)
    #expect(trainer.schedule.rate(atStep: 1).isFinite)
  }
}

@Suite struct SavePathTests {
  /// `save PATH`: relative paths land inside the run directory, absolute ones where given; an
  /// unwritable path is a rejected command with the reason, never a crash.
  @Test func savePathsResolveInsideTheRunDirectory() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = try RunLog(root: dir, name: "save")
    let channel = TrainerChannel()
    let trainer = Trainer(
      configuration: TrainerFixtures.digitsConfiguration(epochs: 1), dataset: TrainerFixtures.digits,
      channel: channel, runLog: log)
    channel.send(.saveCheckpoint(path: "checkpoints/mine.safetensors"), source: .prompt)
    channel.send(.saveCheckpoint(path: "/proc/no/such/dir/x.safetensors"), source: .prompt)
    trainer.train(untilStep: 1)
    let inside = log.directory.appendingPathComponent("checkpoints/mine.safetensors").standardizedFileURL
    #expect(FileManager.default.fileExists(atPath: inside.path))
    let details = trainer.recorder.recent.map(\.detail)
    #expect(details.contains(.checkpointSaved(path: inside.path)))
    #expect(details.contains { if case .rejected(command: "save", _) = $0 { true } else { false } })
  }
}
