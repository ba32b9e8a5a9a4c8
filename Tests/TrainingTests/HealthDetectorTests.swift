import Foundation
import NN
import Testing

@testable import Training

/// Each health detector driven by synthetic sequences: ones that must fire, with the evidence, and
/// ones that must not (noise, a loss still falling fast, a healthy run's tails).
@Suite struct HealthDetectorTests {
  /// A fixed pseudo-random stream in [-1, 1) (a 64-bit LCG), so the noisy sequences never change.
  struct Noise {
    var state: UInt64 = 12345
    mutating func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 52) - 1
    }
  }

  @Test func aLossSpikeFiresAboveKSigmaAfterTheWarmUpAndThenRests() throws {
    var detector = LossSpikeDetector(sigmas: 8)
    // 1.0 and 1.2 alternating: the average settles at 1.1 and the deviation near 0.1, so 2.0 is
    // about 9σ above it and 1.5 about 4σ.
    var fired: [(step: Int, alert: HealthAlert)] = []
    for step in 0..<100 {
      if let alert = detector.observe(loss: step % 2 == 0 ? 1.0 : 1.2, step: step) { fired.append((step, alert)) }
    }
    #expect(fired.isEmpty)
    var probe = detector  // a copy, so that 1.5 does not move the averages the spike is judged by
    #expect(probe.observe(loss: 1.5, step: 100) == nil)
    let observed = detector.observe(loss: 2.0, step: 101)
    let alert = try #require(observed)
    guard case .lossSpike(let loss, let average, let sigmas, let threshold) = alert else {
      Issue.record("expected a loss spike, got \(alert)")
      return
    }
    #expect(loss == 2.0 && threshold == 8)
    #expect(abs(average - 1.1) < 0.03)
    #expect(sigmas > 8 && sigmas < 11)
    // Within the 50-step rest another spike is not reported; after it, it is.
    #expect(detector.observe(loss: 20, step: 120) == nil)
    for step in 121..<300 { _ = detector.observe(loss: step % 2 == 0 ? 1.0 : 1.2, step: step) }
    #expect(detector.observe(loss: 3.0, step: 300) != nil)
  }

  @Test func aLossSpikeIsNotJudgedDuringTheWarmUpOrWhenOff() {
    var early = LossSpikeDetector(sigmas: 8)
    for step in 0..<10 { _ = early.observe(loss: step % 2 == 0 ? 1.0 : 1.2, step: step) }
    #expect(early.observe(loss: 100, step: 10) == nil)  // only 10 steps seen: the warm-up is 50
    var off = LossSpikeDetector(sigmas: 0)
    for step in 0..<100 { _ = off.observe(loss: step % 2 == 0 ? 1.0 : 1.2, step: step) }
    #expect(off.observe(loss: 100, step: 100) == nil)
  }

  @Test func heavyTailedNoiseIsNotASpikeAtTheDefault() {
    // Batch losses skewed to the right (each the mean of four exponential draws: a standard
    // deviation of half the mean, and a long upper tail), as a healthy late run's are.
    var detector = LossSpikeDetector(sigmas: HealthSettings().spikeSigma)
    var noise = Noise()
    var alerts = 0
    for step in 0..<5000 {
      let draws = (0..<4).map { _ in -log((noise.next() + 1) / 2 + 1e-12) }
      let loss = 0.05 * draws.reduce(0, +) / 4
      if detector.observe(loss: loss, step: step) != nil { alerts += 1 }
    }
    #expect(alerts == 0)
  }

  @Test func aStallFiresAfterNFlatStepsAndAgainAfterNMore() {
    var detector = StallDetector(steps: 1000)
    var firedAt: [Int] = []
    for index in 0..<2500 {
      if case .stall(_, _, let steps)? = detector.observe(loss: 0.5) {
        #expect(steps == 1000)
        firedAt.append(index)
      }
    }
    // The first loss sets the best; 1000 more without a 0.1 % improvement make a stall.
    #expect(firedAt == [1000, 2000])
  }

  @Test func aSlowlyFallingLossIsNotAStall() {
    var detector = StallDetector(steps: 1000)
    var noise = Noise()
    var alerts = 0
    for t in 0..<5000 where detector.observe(loss: 1 / (1 + 0.01 * Double(t)) * (1 + 0.2 * noise.next())) != nil {
      alerts += 1
    }
    #expect(alerts == 0)
  }

  @Test func explodingGradientsFireAboveTheFactorTimesTheMedian() throws {
    var detector = GradientExplosionDetector(factor: 20)
    for step in 0..<100 { #expect(detector.observe(norm: step % 2 == 0 ? 0.9 : 1.1, step: step) == nil) }
    // The median of 0.9s and 1.1s is 1.0: 15 is under 20×, 25 is over.
    var probe = detector  // a copy, so that 15 does not join the median
    #expect(probe.observe(norm: 15, step: 100) == nil)
    let observed = detector.observe(norm: 25, step: 101)
    let alert = try #require(observed)
    #expect(alert == .explodingGradients(norm: 25, median: 1.0, threshold: 20))
    #expect(detector.observe(norm: 30, step: 110) == nil)  // within the 50-step rest
    #expect(detector.observe(norm: 30, step: 151) != nil)
  }

  @Test func theRunningMedianFollowsTheLastValuesOnly() {
    var median = RunningMedian(capacity: 5)
    for value in [5.0, 1, 4, 2, 3] { median.add(value) }
    #expect(median.median == 3)
    for value in [10.0, 10, 10] { median.add(value) }  // window: 2, 3, 10, 10, 10
    #expect(median.median == 10)
    var even = RunningMedian(capacity: 4)
    for value in [1.0, 2, 3, 4] { even.add(value) }
    #expect(even.median == 2.5)
  }

  @Test func vanishingGradientsNeedNStepsInARowPerLayer() {
    var detector = VanishingGradientDetector(floor: 1e-7, steps: 200)
    let names = ["dense1 64", "dense2 10"]
    var alerts: [HealthAlert] = []
    for step in 0..<400 {
      // dense1's norm is 1e-9 except once at step 150 (which restarts its count); dense2's is 0.1.
      let first = step == 150 ? 1e-2 : 1e-9
      alerts += detector.observe(layerSquares: [first * first, 0.01], names: names)
    }
    // Counting from step 151, the 200th step below the floor is step 350.
    #expect(alerts.count == 1)
    #expect(alerts.first == .vanishingGradients(layer: "dense1 64", norm: 1e-9, floor: 1e-7, steps: 200))
  }

  @Test func deadUnitsAreReportedOncePerLayerUntilTheyRecover() {
    var detector = DeadUnitDetector(fraction: 0.5)
    let healthy = DeadUnitCount(layer: "relu after dense2", dead: 40, units: 128)
    func counts(_ dead: Int) -> [DeadUnitCount] {
      [DeadUnitCount(layer: "relu after dense1", dead: dead, units: 128), healthy]
    }
    #expect(detector.observe(counts(70), epoch: 1) == [.deadUnits(counts(70)[0], epoch: 1, threshold: 0.5)])
    #expect(detector.observe(counts(72), epoch: 2).isEmpty)  // still dead: already said
    #expect(detector.observe(counts(30), epoch: 3).isEmpty)  // recovered
    #expect(detector.observe(counts(64), epoch: 4).count == 1)  // 64/128 = 50 %: at the line again
  }

  @Test func overfittingNeedsNEpochsOfRisingValidationAndFallingTrainingLoss() {
    var detector = OverfittingDetector(epochs: 3)
    let train = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4]
    let validation = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]
    var alerts: [(epoch: Int, HealthAlert)] = []
    for epoch in train.indices {
      if let alert = detector.observe(trainLoss: train[epoch], validationLoss: validation[epoch]) {
        alerts.append((epoch + 1, alert))
      }
    }
    // Epochs 2, 3 and 4 each rise: the third makes the streak; epoch 7 completes the next three.
    #expect(alerts.map(\.epoch) == [4, 7])
    #expect(
      alerts.first?.1
        == .overfitting(epochs: 3, validationFrom: 0.5, validationTo: 0.65, trainFrom: 1.0, trainTo: 0.7))
  }

  @Test func bothLossesFallingOrABrokenStreakIsNotOverfitting() {
    var detector = OverfittingDetector(epochs: 3)
    let train = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5]
    let validation = [0.9, 0.95, 1.0, 0.98, 1.01, 1.02]  // the rise breaks at epoch 4
    let alerts = zip(train, validation).compactMap { detector.observe(trainLoss: $0, validationLoss: $1) }
    #expect(alerts.isEmpty)
    var falling = OverfittingDetector(epochs: 1)
    for epoch in 0..<10 {
      #expect(falling.observe(trainLoss: 1 / Double(epoch + 1), validationLoss: 1.2 / Double(epoch + 1)) == nil)
    }
  }

  @Test func aSwingingLossIsOscillation() throws {
    var detector = OscillationDetector(ratio: 0.3)
    var alerts: [(step: Int, HealthAlert)] = []
    for t in 0..<400 {
      // Period 50, amplitude 0.9 around 1.0. The 0.1-weight average keeps 64 % of a swing this slow
      // (|0.1 / (1 − 0.9·e^{−2πi/50})| = 0.643), a standard deviation of 0.9·0.643/√2 = 0.41.
      if let alert = detector.observe(loss: 1 + 0.9 * sin(2 * Double.pi * Double(t) / 50)) { alerts.append((t, alert)) }
    }
    #expect(alerts.count == 1)  // it fires once, and not again while the swing goes on
    let first = try #require(alerts.first)
    #expect(first.step == 199)  // judged first when the 200-step window is full
    guard case .oscillation(let swing, let level, let steps, _) = first.1 else {
      Issue.record("expected oscillation")
      return
    }
    #expect(steps == 200)
    #expect(abs(level - 1) < 0.05)
    #expect(abs(swing / level - 0.41) < 0.05)
  }

  @Test func aFastFallingLossOrNoiseIsNotOscillation() {
    var falling = OscillationDetector(ratio: 0.3)
    var noisy = OscillationDetector(ratio: 0.3)
    var noise = Noise()
    var alerts = 0
    for t in 0..<2000 {
      // Early training: 2.3 falling to 0.1 with a 100-step time constant (a line fits it badly).
      let decay = 2.2 * exp(-Double(t) / 100) + 0.1
      if falling.observe(loss: decay * (1 + 0.3 * noise.next())) != nil { alerts += 1 }
      // Late training: a flat level with ±60 % batch noise.
      if noisy.observe(loss: 0.05 * (1 + 0.6 * noise.next())) != nil { alerts += 1 }
    }
    #expect(alerts == 0)
  }

  @Test func theMonitorCountsAlertsForTheBadgeNewestFirst() {
    var settings = HealthSettings()
    settings.vanishFloor = 1
    settings.vanishSteps = 2
    settings.overfitEpochs = 1
    var monitor = HealthMonitor(settings: settings)
    for step in 1...4 {
      _ = monitor.observeStep(step: step, loss: 1, norm: 0.1, layerSquares: [0.01], layerNames: ["dense1 10"])
    }
    _ = monitor.observeEpoch(epoch: 1, trainLoss: 1, validationLoss: 1, deadUnits: [])
    let alerts = monitor.observeEpoch(epoch: 2, trainLoss: 0.9, validationLoss: 1.1, deadUnits: [])
    #expect(alerts.map(\.kind) == [.overfitting])
    #expect(
      monitor.badge == [AlertTally(kind: .overfitting, count: 1), AlertTally(kind: .vanishingGradients, count: 2)])
    #expect(monitor.badge.map(\.text) == ["overfitting", "vanishing ×2"])
  }

  @Test func actionsReadAndWriteTheirSpellings() {
    #expect(AlertAction(text: "pause") == .pause)
    #expect(AlertAction(text: " STOP ") == .stop)
    #expect(AlertAction(text: "none") == AlertAction.none)
    #expect(AlertAction(text: "lr*0.5") == .scaleLearningRate(0.5))
    #expect(AlertAction(text: "lr*0.5")?.description == "lr*0.5")
    for bad in ["lr*0", "lr*-1", "lr*20", "lr/2", "halt", ""] { #expect(AlertAction(text: bad) == nil) }
  }

  @Test func storedSettingsOutOfRangeAreNamed() {
    var settings = HealthSettings()
    #expect(settings.violation == nil)
    settings.deadFraction = 1.5
    #expect(settings.violation?.option == "alert-dead-fraction")
    settings.deadFraction = 0.5
    settings.stallSteps = -3
    #expect(settings.violation?.option == "alert-stall-steps")
  }
}
