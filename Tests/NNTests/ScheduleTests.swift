import Foundation
import NN
import TestSupport
import Testing

/// `LearningRateSchedule` as the trainer uses it: warm-up, staircase, rescale, upcoming rates, Codable.
@Suite struct ScheduleTests {
  /// Every kind with a one-epoch warm-up, 10 steps per epoch, 6 epochs, base 1e-3.
  static func everyKind(warmupEpochs: Int = 1) -> [LearningRateSchedule] {
    ScheduleName.allCases.map { name in
      var parameters = ScheduleParameters()
      parameters.stepSize = 2
      parameters.restartPeriod = 2
      return LearningRateSchedule(
        name: name, baseRate: 1e-3, stepsPerEpoch: 10, totalEpochs: 6, warmupEpochs: warmupEpochs,
        parameters: parameters, plateau: ReduceOnPlateau(factor: 0.5, patience: 1))
    }
  }

  @Test func warmupThenCosine() {
    let schedule = LearningRateSchedule(
      name: .cosine, baseRate: 1e-3, stepsPerEpoch: 10, totalEpochs: 5, warmupEpochs: 1)
    // Warm-up: LinearLR(start 0.1, end 1, 10 steps), per step.
    #expect(isRelativelyClose(schedule.rate(atStep: 0), 1e-4))
    #expect(isRelativelyClose(schedule.rate(atStep: 5), 1e-3 * (0.1 + 0.9 * 0.5)))
    #expect(isRelativelyClose(schedule.rate(atStep: 9), 1e-3 * (0.1 + 0.9 * 0.9)))
    // Then the cosine starts from its beginning at the milestone, over the 4 remaining epochs,
    // one value per epoch (staircase), floor 0.
    for step in 10..<20 { #expect(schedule.rate(atStep: step) == 1e-3) }
    for step in 20..<30 {
      #expect(isRelativelyClose(schedule.rate(atStep: step), 1e-3 * (1 + cos(Double.pi / 4)) / 2))
    }
    #expect(isRelativelyClose(schedule.rate(atStep: 49), 1e-3 * (1 + cos(3 * Double.pi / 4)) / 2))
    #expect(schedule.description == "cosine, warmup 1")
  }

  @Test func warmupThenStepDecayAndExponential() {
    var parameters = ScheduleParameters()
    parameters.stepSize = 2
    let step = LearningRateSchedule(
      name: .step, baseRate: 1, stepsPerEpoch: 10, totalEpochs: 6, warmupEpochs: 1,
      parameters: parameters)
    // Main epochs 0-1 (steps 10-29) at 1, epochs 2-3 (steps 30-49) at γ = 0.1.
    #expect(step.rate(atStep: 10) == 1 && step.rate(atStep: 29) == 1)
    #expect(step.rate(atStep: 30) == 0.1 && step.rate(atStep: 49) == 0.1)
    let exponential = LearningRateSchedule(
      name: .exponential, baseRate: 1, stepsPerEpoch: 10, totalEpochs: 6, warmupSteps: 15)
    // Warm-up in steps: the main schedule's epoch k covers steps 15 + 10k ..< 25 + 10k.
    #expect(exponential.rate(atStep: 24) == 1 && exponential.rate(atStep: 25) == 0.95)
    #expect(exponential.description == "exponential, warmup 15 steps")
  }

  @Test func warmupThenOneCycle() {
    let schedule = LearningRateSchedule(
      name: .onecycle, baseRate: 0.01, stepsPerEpoch: 10, totalEpochs: 10, warmupSteps: 20)
    // One-cycle (fastai) over the 80 steps after warm-up: starts at 0.01/25, peaks at
    // 20 + 0.25·80 = 40, ends near 0.01/1e5; it changes every step.
    #expect(isRelativelyClose(schedule.rate(atStep: 19), 0.01 * (0.1 + 0.9 * 19 / 20)))
    #expect(isRelativelyClose(schedule.rate(atStep: 20), 0.01 / 25))
    #expect(schedule.rate(atStep: 40) == 0.01)
    #expect(schedule.rate(atStep: 41) < schedule.rate(atStep: 40))
    #expect(schedule.rate(atStep: 21) > schedule.rate(atStep: 20))
    #expect(schedule.momentum(atStep: 40).map { isRelativelyClose($0, 0.85) } == true)
    #expect(schedule.momentum(atStep: 10) == nil)  // inside the warm-up
  }

  @Test func epochKindsAreStaircasesAndConstantIsConstant() {
    for schedule in Self.everyKind(warmupEpochs: 0)
    where schedule.name != .onecycle && schedule.name != .onecyclePyTorch {
      for epoch in 0..<6 {
        let first = schedule.rate(atStep: 10 * epoch)
        for step in (10 * epoch)..<(10 * epoch + 10) {
          #expect(schedule.rate(atStep: step) == first, "\(schedule.name) step \(step)")
        }
      }
      #expect(schedule.momentum(atStep: 0) == nil)
      #expect(schedule.description == schedule.name.rawValue)
    }
    let constant = LearningRateSchedule(name: .constant, baseRate: 0.3, stepsPerEpoch: 7, totalEpochs: 3)
    #expect((0..<21).allSatisfy { constant.rate(atStep: $0) == 0.3 })
  }

  @Test func rescaleMultipliesTheRestOfTheCurve() {
    for original in Self.everyKind() {
      for at in [4, 17, 33] {  // inside the warm-up, and twice after it
        var plateauOriginal = original
        var rescaled = original
        let factor = 0.37
        rescaled.rescale(to: original.rate(atStep: at) * factor, atStep: at)
        #expect(isRelativelyClose(rescaled.rate(atStep: at), original.rate(atStep: at) * factor))
        for step in at..<original.totalSteps {
          #expect(
            isRelativelyClose(rescaled.rate(atStep: step), original.rate(atStep: step) * factor),
            "\(original.name) rescaled at \(at), step \(step)")
        }
        // Plateau: reductions after the change are the old ones × the factor.
        for epoch in 1..<6 {
          let old = plateauOriginal.epochEnded(epoch: epoch, monitoredValue: 1)
          let new = rescaled.epochEnded(epoch: epoch, monitoredValue: 1)
          #expect((old == nil) == (new == nil))
          if let old, let new { #expect(isRelativelyClose(new, old * factor)) }
          #expect(
            isRelativelyClose(
              rescaled.rate(atStep: 10 * epoch + 10), plateauOriginal.rate(atStep: 10 * epoch + 10) * factor))
        }
      }
    }
  }

  @Test func plateauRescaleAfterAReduction() {
    var schedule = LearningRateSchedule(
      name: .plateau, baseRate: 0.1, stepsPerEpoch: 10, totalEpochs: 10,
      plateau: ReduceOnPlateau(factor: 0.5, patience: 1))
    _ = schedule.epochEnded(epoch: 0, monitoredValue: 1)
    #expect(schedule.epochEnded(epoch: 1, monitoredValue: 1) == 0.05)  // Keras: wait 1 ≥ 1
    schedule.rescale(to: 0.2, atStep: 20)  // ×4
    #expect(isRelativelyClose(schedule.rate(atStep: 25), 0.2))
    _ = schedule.epochEnded(epoch: 2, monitoredValue: 1)  // wait 1 → cut 0.05·0.5, shown ×4
    #expect(schedule.rate(atStep: 35) == 0.1)
  }

  @Test func rescaleFromAZeroRateBecomesConstant() {
    var schedule = LearningRateSchedule(
      name: .cosine, baseRate: 0.1, stepsPerEpoch: 10, totalEpochs: 5, warmupEpochs: 1,
      warmupStartFactor: 0)
    #expect(schedule.rate(atStep: 0) == 0)
    schedule.rescale(to: 0.02, atStep: 0)
    #expect(schedule.name == .constant)
    #expect((0..<50).allSatisfy { schedule.rate(atStep: $0) == 0.02 })
  }

  @Test func upcomingRatesSampleToTheEndOfTheRun() {
    let schedule = LearningRateSchedule(
      name: .cosine, baseRate: 1e-3, stepsPerEpoch: 469, totalEpochs: 10, warmupEpochs: 1)
    let upcoming = schedule.upcomingRates(fromStep: 1000, points: 200)
    #expect(upcoming.count == 200)
    #expect(upcoming.first?.step == 1000 && upcoming.last?.step == 4689)
    #expect(zip(upcoming, upcoming.dropFirst()).allSatisfy { $0.step < $1.step })
    #expect(upcoming.allSatisfy { $0.rate == schedule.rate(atStep: $0.step) })
    // Near the end: every remaining step; past the end: nothing.
    #expect(schedule.upcomingRates(fromStep: 4680, points: 200).map(\.step) == Array(4680...4689))
    #expect(schedule.upcomingRates(fromStep: 4690, points: 200).isEmpty)
    #expect(schedule.upcomingRates(fromStep: 0, points: 1).map(\.step) == [0])
  }

  @Test func codableRoundTripResumesExactly() throws {
    var parameters = ScheduleParameters()
    parameters.minimumRate = 1e-5
    var schedule = LearningRateSchedule(
      name: .plateau, baseRate: 0.1, stepsPerEpoch: 3, totalEpochs: 30, warmupSteps: 4,
      warmupStartFactor: 0.25, parameters: parameters,
      plateau: ReduceOnPlateau(convention: .pytorch, mode: .max, patience: 1, cooldown: 2))
    let values = [0.5, 0.6, 0.6, 0.6, 0.55, 0.7, 0.7, 0.7, 0.7, 0.7]
    for (epoch, value) in values.prefix(5).enumerated() {
      _ = schedule.epochEnded(epoch: epoch, monitoredValue: value)
    }
    schedule.rescale(to: 0.003, atStep: 16)
    let data = try JSONEncoder().encode(schedule)
    var decoded = try JSONDecoder().decode(LearningRateSchedule.self, from: data)
    #expect(decoded == schedule)
    for (epoch, value) in values.enumerated().dropFirst(5) {
      #expect(
        decoded.epochEnded(epoch: epoch, monitoredValue: value)
          == schedule.epochEnded(epoch: epoch, monitoredValue: value))
      #expect(decoded == schedule)
    }
    // A fresh schedule (no best value yet) encodes too: no infinities in the JSON.
    let fresh = Self.everyKind()
    let decodedFresh = try JSONDecoder().decode(
      [LearningRateSchedule].self, from: JSONEncoder().encode(fresh))
    #expect(decodedFresh == fresh)
  }
}

@Suite struct OneCyclePyTorchScheduleTests {
  /// `onecycle-pytorch` follows `ScheduleFormula.oneCyclePyTorch` (checked against PyTorch's
  /// OneCycleLR in ScheduleFormulaTests) step by step, rate and momentum.
  @Test func followsPyTorchsFormula() {
    var parameters = ScheduleParameters()
    parameters.oneCyclePctStart = 0.3
    parameters.oneCycleDivFinal = 1e4
    let schedule = LearningRateSchedule(
      name: .onecyclePyTorch, baseRate: 0.1, stepsPerEpoch: 10, totalEpochs: 5, parameters: parameters)
    for k in 0..<50 {
      let expected = ScheduleFormula.oneCyclePyTorch(
        maxRate: 0.1, k: k, totalSteps: 50, pctStart: 0.3, divFactor: 25, finalDivFactor: 1e4)
      #expect(schedule.rate(atStep: k) == expected.rate)
      #expect(schedule.momentum(atStep: k) == expected.momentum)
    }
    #expect(schedule.rate(atStep: 14) == 0.1)  // the peak is at pct·T − 1 = 14
  }
}
