import NN
import TestSupport
import Testing

/// Reduce-on-plateau: PyTorch's convention against the oracle, Keras' against hand-worked sequences.
@Suite struct SchedulePlateauTests {
  @Test func pytorchConventionMatchesTheOracle() throws {
    let file = try Fixtures.oracle("schedules.json", as: ScheduleOracleFile.self)
    for oracle in file.reduceLROnPlateau {
      // The oracle's constructor; our minDelta plays PyTorch's relative threshold.
      #expect(
        oracle.scheduler
          == "ReduceLROnPlateau(mode='min', factor=0.1, patience=3, threshold=1e-4, "
          + "threshold_mode='rel', cooldown=1, min_lr=1e-4, eps=1e-8)"
      )
      let plateau = ReduceOnPlateau(
        convention: .pytorch, mode: .min, factor: 0.1, patience: 3, cooldown: 1,
        minimumRate: 1e-4, minDelta: 1e-4)
      var schedule = LearningRateSchedule(
        name: .plateau, baseRate: oracle.baseLR, stepsPerEpoch: 1, totalEpochs: 20, plateau: plateau)
      #expect(oracle.epochs.count == 20)
      for expected in oracle.epochs {
        let label = "\(oracle.name) epoch \(expected.epoch)"
        // Same Double operations as PyTorch (lr·factor), so the rates match exactly.
        #expect(schedule.rate(atStep: expected.epoch) == expected.lrDuringEpoch, "\(label)")
        let reduced = schedule.epochEnded(epoch: expected.epoch, monitoredValue: expected.valLoss)
        #expect((reduced != nil) == expected.reduced, "\(label) reduced")
        #expect(reduced.map { $0 == expected.lrAfterStep } ?? true, "\(label) new rate")
        #expect(schedule.rate(atStep: expected.epoch + 1) == expected.lrAfterStep, "\(label)")
        #expect(schedule.plateau.best == expected.best, "\(label) best")
        #expect(schedule.plateau.badEpochs == expected.numBadEpochs, "\(label) num_bad_epochs")
        #expect(schedule.plateau.cooldownCounter == expected.cooldownCounter, "\(label) cooldown")
      }
    }
    #expect(file.reduceLROnPlateau.count == 2)
  }

  /// One epoch of a hand-worked Keras sequence: the value fed, then the state after `on_epoch_end`.
  private struct KerasEpoch {
    let value: Double
    let rate: Double
    let best: Double
    let wait: Int
    let cooldown: Int
    let reduced: Bool
  }

  private func expectSequence(_ plateau: ReduceOnPlateau, baseRate: Double, _ epochs: [KerasEpoch]) {
    var schedule = LearningRateSchedule(
      name: .plateau, baseRate: baseRate, stepsPerEpoch: 5, totalEpochs: epochs.count, plateau: plateau)
    for (epoch, expected) in epochs.enumerated() {
      let reduced = schedule.epochEnded(epoch: epoch, monitoredValue: expected.value)
      #expect((reduced != nil) == expected.reduced, "epoch \(epoch) reduced")
      #expect(isRelativelyClose(schedule.rate(atStep: 5 * (epoch + 1)), expected.rate), "epoch \(epoch)")
      #expect(schedule.plateau.best == expected.best, "epoch \(epoch) best")
      #expect(schedule.plateau.badEpochs == expected.wait, "epoch \(epoch) wait")
      #expect(schedule.plateau.cooldownCounter == expected.cooldown, "epoch \(epoch) cooldown")
    }
  }

  @Test func kerasConventionMinMode() {
    // Keras on_epoch_end, worked by hand. mode min, factor 0.5, patience 2, cooldown 2,
    // min_delta 0.01 (ABSOLUTE: improvement iff v < best − 0.01), min_lr 0.02, lr 0.1.
    // Each epoch: (1) if cooldown > 0 { cooldown −= 1; wait = 0 }; (2) improvement → best = v,
    // wait = 0; (3) else if cooldown == 0 { wait += 1; if wait ≥ 2 and lr > min_lr
    // { lr = max(lr·0.5, 0.02); cooldown = 2; wait = 0 } }.
    let plateau = ReduceOnPlateau(
      convention: .keras, mode: .min, factor: 0.5, patience: 2, cooldown: 2, minimumRate: 0.02,
      minDelta: 0.01)
    expectSequence(
      plateau, baseRate: 0.1,
      [
        KerasEpoch(value: 1.0, rate: 0.1, best: 1.0, wait: 0, cooldown: 0, reduced: false),  // first value
        KerasEpoch(value: 0.995, rate: 0.1, best: 1.0, wait: 1, cooldown: 0, reduced: false),  // not < 0.99
        KerasEpoch(value: 0.98, rate: 0.1, best: 0.98, wait: 0, cooldown: 0, reduced: false),  // < 0.99
        KerasEpoch(value: 0.985, rate: 0.1, best: 0.98, wait: 1, cooldown: 0, reduced: false),
        KerasEpoch(value: 0.99, rate: 0.05, best: 0.98, wait: 0, cooldown: 2, reduced: true),  // wait 2 ≥ 2
        KerasEpoch(value: 0.975, rate: 0.05, best: 0.98, wait: 0, cooldown: 1, reduced: false),  // in cooldown
        // cooldown ran out first
        KerasEpoch(value: 0.979, rate: 0.05, best: 0.98, wait: 1, cooldown: 0, reduced: false),
        KerasEpoch(value: 0.96, rate: 0.05, best: 0.96, wait: 0, cooldown: 0, reduced: false),  // < 0.97
        KerasEpoch(value: 0.955, rate: 0.05, best: 0.96, wait: 1, cooldown: 0, reduced: false),  // not < 0.95
        KerasEpoch(value: 0.958, rate: 0.025, best: 0.96, wait: 0, cooldown: 2, reduced: true),
        KerasEpoch(value: 0.90, rate: 0.025, best: 0.90, wait: 0, cooldown: 1, reduced: false),  // improves in cooldown
        KerasEpoch(value: 0.95, rate: 0.025, best: 0.90, wait: 1, cooldown: 0, reduced: false),
        KerasEpoch(value: 0.95, rate: 0.02, best: 0.90, wait: 0, cooldown: 2, reduced: true),  // max(0.0125, 0.02)
        KerasEpoch(value: 0.95, rate: 0.02, best: 0.90, wait: 0, cooldown: 1, reduced: false),
        KerasEpoch(value: 0.95, rate: 0.02, best: 0.90, wait: 1, cooldown: 0, reduced: false),
        KerasEpoch(value: 0.95, rate: 0.02, best: 0.90, wait: 2, cooldown: 0, reduced: false),  // lr = min_lr: no cut,
        // and wait keeps growing
        KerasEpoch(value: 0.95, rate: 0.02, best: 0.90, wait: 3, cooldown: 0, reduced: false),
        KerasEpoch(value: 0.80, rate: 0.02, best: 0.80, wait: 0, cooldown: 0, reduced: false),
      ])
  }

  @Test func kerasConventionMaxModeAndCooldownOfOne() {
    // mode max (an accuracy), factor 0.1, patience 1, cooldown 1, min_delta 0.005, min_lr 0, lr 1.
    // Improvement iff v > best + 0.005. In Keras a cooldown of 1 is used up by the decrement at
    // the start of the next epoch, so that epoch can already count as bad and cut again.
    let plateau = ReduceOnPlateau(
      convention: .keras, mode: .max, factor: 0.1, patience: 1, cooldown: 1, minimumRate: 0,
      minDelta: 0.005)
    expectSequence(
      plateau, baseRate: 1,
      [
        KerasEpoch(value: 0.5, rate: 1, best: 0.5, wait: 0, cooldown: 0, reduced: false),
        KerasEpoch(value: 0.6, rate: 1, best: 0.6, wait: 0, cooldown: 0, reduced: false),  // > 0.505
        KerasEpoch(value: 0.603, rate: 0.1, best: 0.6, wait: 0, cooldown: 1, reduced: true),  // not > 0.605
        KerasEpoch(value: 0.62, rate: 0.1, best: 0.62, wait: 0, cooldown: 0, reduced: false),
        KerasEpoch(value: 0.61, rate: 0.01, best: 0.62, wait: 0, cooldown: 1, reduced: true),
        KerasEpoch(value: 0.615, rate: 0.001, best: 0.62, wait: 0, cooldown: 1, reduced: true),  // right after a cut
        KerasEpoch(value: 0.7, rate: 0.001, best: 0.7, wait: 0, cooldown: 0, reduced: false),
      ])
  }

  @Test func kerasIsTheDefaultWithKerasDefaults() {
    let plateau = ReduceOnPlateau()
    #expect(plateau.convention == .keras && plateau.mode == .min)
    #expect(plateau.factor == 0.1 && plateau.patience == 10 && plateau.cooldown == 0)
    #expect(plateau.minimumRate == 0 && plateau.minDelta == 1e-4)
  }

  @Test func conventionsDifferOnTheSameSequence() {
    // patience 2, no cooldown: Keras cuts on the 2nd bad epoch, PyTorch on the 3rd (num_bad > 2).
    var keras = ReduceOnPlateau(convention: .keras, patience: 2)
    var pytorch = ReduceOnPlateau(convention: .pytorch, patience: 2)
    let values = [1.0, 1.0, 1.0, 1.0]
    let kerasCuts = values.map { keras.epochEnded(value: $0, rate: 1) != nil }
    let pytorchCuts = values.map { pytorch.epochEnded(value: $0, rate: 1) != nil }
    #expect(kerasCuts == [false, false, true, false])
    #expect(pytorchCuts == [false, false, false, true])
    // A NaN never improves: it counts as a bad epoch in both.
    var nan = ReduceOnPlateau(convention: .keras, patience: 5)
    _ = nan.epochEnded(value: .nan, rate: 1)
    #expect(nan.best == nil && nan.badEpochs == 1)
  }

  @Test func epochsInsideTheWarmupAreIgnored() {
    var schedule = LearningRateSchedule(
      name: .plateau, baseRate: 0.1, stepsPerEpoch: 10, totalEpochs: 10, warmupEpochs: 2,
      plateau: ReduceOnPlateau(patience: 0))
    #expect(schedule.epochEnded(epoch: 0, monitoredValue: 1) == nil)
    #expect(schedule.epochEnded(epoch: 1, monitoredValue: 2) == nil)
    #expect(schedule.plateau.best == nil)
    #expect(schedule.epochEnded(epoch: 2, monitoredValue: 3) == nil)  // first counted epoch: best = 3
    #expect(schedule.epochEnded(epoch: 3, monitoredValue: 3).map { isRelativelyClose($0, 0.01) } == true)
  }
}
