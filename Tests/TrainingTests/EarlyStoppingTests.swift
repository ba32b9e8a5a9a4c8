import Testing
import Training

/// Feeds `values` as epochs 1, 2, … and returns every decision.
private func run(_ stopper: inout EarlyStopping, _ values: [Double]) -> [EarlyStopping.Decision] {
  values.enumerated().map { stopper.update(epoch: $0.offset + 1, value: $0.element) }
}

/// Hand-worked cases following Keras 3's `keras/src/callbacks/early_stopping.py`
/// (`on_epoch_end`, `_is_improvement`) and Lightning's `_evaluate_stopping_criteria`.
/// Epochs here are 1-based; Keras's are 0-based.
@Suite struct EarlyStoppingTests {
  @Test func defaultsAreKeras() {
    // Keras: monitor="val_loss", min_delta=0, patience=0, mode="auto", baseline=None,
    // restore_best_weights=False, start_from_epoch=0; Lightning: check_finite=True.
    let stopper = EarlyStopping()
    #expect(stopper.monitor == .validationLoss && stopper.mode == .auto && stopper.resolvedMode == .min)
    #expect(stopper.minDelta == 0 && stopper.patience == 0 && stopper.baseline == nil)
    #expect(stopper.startFromEpoch == 0 && !stopper.restoreBestWeights)
    #expect(stopper.divergenceThreshold == nil && stopper.checkFinite)
    #expect(stopper.best == nil && stopper.wait == 0)
  }

  @Test func patienceZeroStopsAtFirstEpochWithoutImprovement() {
    // e1 1.0 beats +inf → improved; e2 0.9 < 1.0 → improved; e3 0.95 not < 0.9:
    // wait = 1 ≥ patience 0 → stop.
    var stopper = EarlyStopping()
    #expect(run(&stopper, [1.0, 0.9, 0.95]) == [.improved, .improved, .stop(.patienceExhausted)])
    #expect(stopper.best == 0.9 && stopper.bestEpoch == 2 && stopper.stoppedEpoch == 3)
  }

  @Test func neverStopsOnTheFirstEpoch() {
    // Keras checks `epoch > 0`: a NaN first value (check_finite off) is no improvement,
    // wait = 1 ≥ 0, but the first epoch never stops. The second (1.0 beats +inf) improves.
    var stopper = EarlyStopping(checkFinite: false)
    #expect(run(&stopper, [.nan, 1.0, 2.0]) == [.continue, .improved, .stop(.patienceExhausted)])
  }

  @Test func patienceCountsEpochsWithoutImprovement() {
    // patience 2: e1 1.0 improved, e2 0.8 improved (wait 0), e3 0.85 wait 1 → continue,
    // e4 0.82 (not < 0.8) wait 2 ≥ 2 → stop. Best stays 0.8 at epoch 2.
    var stopper = EarlyStopping(patience: 2)
    let decisions = run(&stopper, [1.0, 0.8, 0.85])
    #expect(decisions == [.improved, .improved, .continue])
    #expect(stopper.status.patienceLeft == 1)  // 2 − wait 1
    #expect(stopper.update(epoch: 4, value: 0.82) == .stop(.patienceExhausted))
    #expect(stopper.status.patienceLeft == 0)
    #expect(
      stopper.status
        == EarlyStoppingStatus(
          monitor: "val_loss", bestEpoch: 2, bestValue: 0.8, patience: 2, patienceLeft: 0))
  }

  @Test func minDeltaMustBeExceededStrictly() {
    // min mode, min_delta 0.25 (binary-exact values): improvement iff v + 0.25 < best.
    // e1 1.0 improved; e2 0.875: 1.125 < 1.0? no (wait 1); e3 0.75: 1.0 < 1.0? no, strict (wait 2);
    // e4 0.5: 0.75 < 1.0 → improved, wait 0.
    var stopper = EarlyStopping(minDelta: 0.25, patience: 5)
    #expect(run(&stopper, [1.0, 0.875, 0.75]) == [.improved, .continue, .continue])
    #expect(stopper.wait == 2)
    #expect(stopper.update(epoch: 4, value: 0.5) == .improved)
    #expect(stopper.wait == 0 && stopper.best == 0.5)
    // Keras takes abs(min_delta): a negative delta behaves the same.
    var negative = EarlyStopping(minDelta: -0.25, patience: 5)
    #expect(run(&negative, [1.0, 0.875, 0.75, 0.5]) == [.improved, .continue, .continue, .improved])
  }

  @Test func autoModeMaximisesAccuracy() {
    // val_accuracy → max. e1 0.5 improved, e2 0.6 improved, e3 0.6 equal → not (wait 1),
    // e4 0.55 wait 2 ≥ patience 2 → stop.
    var stopper = EarlyStopping(monitor: .validationAccuracy, patience: 2)
    #expect(stopper.resolvedMode == .max)
    #expect(run(&stopper, [0.5, 0.6, 0.6, 0.55]) == [.improved, .improved, .continue, .stop(.patienceExhausted)])
    #expect(EarlyStoppingMonitor.validationR2.automaticMode == .max)
    #expect(EarlyStoppingMonitor.trainLoss.automaticMode == .min)
  }

  @Test func maxModeMinDelta() {
    // max mode, min_delta 0.25: improvement iff v − 0.25 > best.
    // e1 0.5 improved (−inf); e2 0.75: 0.5 > 0.5? no; e3 1.0: 0.75 > 0.5 → improved.
    var stopper = EarlyStopping(monitor: .trainAccuracy, minDelta: 0.25, patience: 3)
    #expect(run(&stopper, [0.5, 0.75, 1.0]) == [.improved, .continue, .improved])
  }

  @Test func explicitModeOverridesAuto() {
    // mode min on an accuracy monitor: decreasing values improve.
    var stopper = EarlyStopping(monitor: .validationAccuracy, mode: .min, patience: 1)
    #expect(run(&stopper, [0.5, 0.4, 0.45]) == [.improved, .improved, .stop(.patienceExhausted)])
  }

  @Test func baselineMustBeBeatenToResetWait() {
    // Keras 3: best starts at +inf (not at the baseline); an improvement always becomes the new
    // best (weights snapshot), but wait resets only if the value also beats the baseline.
    // baseline 0.5, patience 2:
    // e1 0.8: wait 1, improved (best 0.8), 0.8 < 0.5? no → wait stays 1.
    // e2 0.7: wait 2, improved; improvements return before the stop check.
    // e3 0.6: wait 3, improved. e4 0.4: wait 4, improved and < 0.5 → wait 0.
    // e5 0.45: wait 1 → continue. e6 0.45: wait 2 ≥ 2 → stop.
    var stopper = EarlyStopping(patience: 2, baseline: 0.5)
    #expect(run(&stopper, [0.8, 0.7, 0.6]) == [.improved, .improved, .improved])
    #expect(stopper.wait == 3 && stopper.best == 0.6)
    #expect(stopper.update(epoch: 4, value: 0.4) == .improved)
    #expect(stopper.wait == 0)
    #expect(stopper.update(epoch: 5, value: 0.45) == .continue)
    #expect(stopper.update(epoch: 6, value: 0.45) == .stop(.patienceExhausted))
    #expect(stopper.bestEpoch == 4)
  }

  @Test func baselineNeverBeatenStopsAfterPatienceEpochs() {
    // Keras doc: "If no epoch improves on baseline, training will run for patience epochs".
    // baseline 0.5, patience 2: e1 0.8 improved (wait 1), e2 0.9 no improvement, wait 2 → stop.
    var stopper = EarlyStopping(patience: 2, baseline: 0.5)
    #expect(run(&stopper, [0.8, 0.9]) == [.improved, .stop(.patienceExhausted)])
    #expect(stopper.bestEpoch == 1)
  }

  @Test func startFromEpochIgnoresWarmUp() {
    // start_from_epoch 2: epochs 1 and 2 are ignored (Keras: 0-based epoch < 2), even a bad 9.
    // e3 1.0 improved; e4 1.5 wait 1 ≥ patience 0 → stop.
    var stopper = EarlyStopping(startFromEpoch: 2)
    #expect(run(&stopper, [5, 9, 1.0, 1.5]) == [.continue, .continue, .improved, .stop(.patienceExhausted)])
    #expect(stopper.bestEpoch == 3)
  }

  @Test func checkFiniteStopsOnNaNAndInfinity() {
    // Lightning check_finite: stops at once, warm-up included.
    var stopper = EarlyStopping(patience: 10, startFromEpoch: 5)
    #expect(stopper.update(epoch: 1, value: .nan) == .stop(.nonFinite))
    var other = EarlyStopping(patience: 10)
    #expect(run(&other, [1.0, .infinity]) == [.improved, .stop(.nonFinite)])
    #expect(other.stoppedEpoch == 2)
    // Off: a NaN is just an epoch without improvement (NaN comparisons are false).
    var off = EarlyStopping(patience: 1, checkFinite: false)
    #expect(run(&off, [1.0, .nan]) == [.improved, .stop(.patienceExhausted)])
  }

  @Test func divergenceThresholdIsStrict() {
    // Lightning: min mode stops when v > threshold (monitor_op(−v, −threshold) = −v < −threshold).
    var stopper = EarlyStopping(patience: 10, divergenceThreshold: 10)
    #expect(run(&stopper, [1.0, 10.0, 10.5]) == [.improved, .continue, .stop(.divergence)])
    // Max mode stops when v < threshold.
    var accuracy = EarlyStopping(monitor: .validationAccuracy, patience: 10, divergenceThreshold: 0.1)
    #expect(run(&accuracy, [0.3, 0.1, 0.05]) == [.improved, .continue, .stop(.divergence)])
  }

  @Test func patienceCanChangeLive() {
    // patience 1 would stop at e3; raising it to 3 after e2 lets e3 and e4 continue.
    var stopper = EarlyStopping(patience: 1)
    #expect(run(&stopper, [1.0, 1.2]) == [.improved, .stop(.patienceExhausted)])
    var live = EarlyStopping(patience: 1)
    #expect(live.update(epoch: 1, value: 1.0) == .improved)
    live.patience = 3
    #expect(run(&live, [1.2, 1.3]) == [.continue, .continue])
    #expect(live.status.patienceLeft == 1)
  }

  @Test func restoreBestWeightsAndStateSurviveJSON() throws {
    // The trainer snapshots on .improved and restores bestEpoch's weights; the whole state
    // round-trips through JSON for checkpoint resume, including an infinite best.
    var stopper = EarlyStopping(
      monitor: .trainLoss, minDelta: 1e-4, patience: 3, baseline: 2, startFromEpoch: 1,
      restoreBestWeights: true, divergenceThreshold: 100, checkFinite: false)
    _ = run(&stopper, [7, 1.5, 1.75, -.infinity])
    #expect(stopper.best == -.infinity && stopper.bestEpoch == 4)
    let json = try TrainingJSON.string(stopper)
    let decoded = try TrainingJSON.value(EarlyStopping.self, from: json)
    #expect(decoded == stopper)
    #expect(decoded.restoreBestWeights)
  }

  @Test func monitorReadsEpochMetrics() {
    let metrics = EpochMetrics(
      epoch: 1, trainLoss: 0.5, trainMetric: 0.8, validationLoss: 0.6, validationMetric: 0.75,
      learningRate: 1e-3, seconds: 2, samplesPerSecond: 100)
    #expect(EarlyStoppingMonitor.validationLoss.value(in: metrics) == 0.6)
    #expect(EarlyStoppingMonitor.validationAccuracy.value(in: metrics) == 0.75)
    #expect(EarlyStoppingMonitor.trainR2.value(in: metrics) == 0.8)
    #expect(EarlyStoppingMonitor.trainLoss.value(in: metrics) == 0.5)
    #expect(EarlyStoppingMonitor.validationMacroF1.value(in: metrics) == nil)
  }
}
