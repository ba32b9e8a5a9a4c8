import NN
import TestSupport
import Testing

/// Every case of schedules.json against the pure formulas (and, where the product schedule can
/// express it, against `LearningRateSchedule` with one step per epoch), at 1e-12 relative.
@Suite struct ScheduleFormulaTests {
  /// The formula for each oracle case, with the constructor arguments that the oracle's
  /// `scheduler` string must contain; returns (rate, momentum?) at k.
  private static let formulas: [String: (arguments: String, at: @Sendable (Int) -> (Double, Double?))] = [
    "step_lr": (
      "StepLR(step_size=10, gamma=0.5)",
      { k in
        (ScheduleFormula.stepDecay(baseRate: 0.1, k: k, stepSize: 10, gamma: 0.5), nil)
      }
    ),
    "exponential_lr": (
      "ExponentialLR(gamma=0.95)",
      { k in
        (ScheduleFormula.exponentialDecay(baseRate: 0.1, k: k, gamma: 0.95), nil)
      }
    ),
    "cosine_annealing_lr": (
      "CosineAnnealingLR(T_max=40, eta_min=0.001)",
      { k in
        (ScheduleFormula.cosineAnnealing(baseRate: 0.1, k: k, period: 40, floor: 0.001), nil)
      }
    ),
    "cosine_annealing_warm_restarts": (
      "T_0=10, T_mult=2, eta_min=0.001",
      { k in
        (
          ScheduleFormula.cosineWarmRestarts(
            baseRate: 0.1, k: k, firstPeriod: 10, periodMultiplier: 2, floor: 0.001), nil
        )
      }
    ),
    "linear_warmup_then_cosine": (
      "start_factor=0.1, end_factor=1.0, total_iters=5",
      { k in
        let rate =
          k < 5
          ? 0.1 * ScheduleFormula.linearWarmupFactor(k: k, length: 5, startFactor: 0.1)
          : ScheduleFormula.cosineAnnealing(baseRate: 0.1, k: k - 5, period: 35, floor: 0.001)
        return (rate, nil)
      }
    ),
    "one_cycle": (
      "pct_start=0.25, anneal_strategy='cos', div_factor=25.0, final_div_factor=10000",
      { k in
        let value = ScheduleFormula.oneCyclePyTorch(
          maxRate: 0.1, k: k, totalSteps: 40, pctStart: 0.25, divFactor: 25, finalDivFactor: 1e4)
        return (value.rate, value.momentum)
      }
    ),
    "one_cycle_final_div_1e5": (
      "div_factor=25.0, final_div_factor=100000",
      { k in
        let value = ScheduleFormula.oneCyclePyTorch(
          maxRate: 0.1, k: k, totalSteps: 40, pctStart: 0.25, divFactor: 25, finalDivFactor: 1e5)
        return (value.rate, value.momentum)
      }
    ),
    "one_cycle_fastai_formula": (
      "lr_max=0.1, div=25, div_final=1e5, pct_start=0.25",
      { k in
        let value = ScheduleFormula.oneCycleFastai(
          maxRate: 0.1, k: k, totalSteps: 40, pctStart: 0.25, div: 25, divFinal: 1e5)
        return (value.rate, value.momentum)
      }
    ),
  ]

  @Test func everyOracleCaseMatchesItsFormula() throws {
    let file = try Fixtures.oracle("schedules.json", as: ScheduleOracleFile.self)
    var tested = 0
    for oracle in file.cases {
      guard let formula = Self.formulas[oracle.name] else {
        Issue.record("schedules.json case \(oracle.name) has no formula")
        continue
      }
      #expect(oracle.scheduler.contains(formula.arguments), "\(oracle.name): \(oracle.scheduler)")
      #expect(oracle.baseLR == 0.1 && oracle.lr.count == 40 && oracle.steps == 40)
      for (k, expected) in oracle.lr.enumerated() {
        let (rate, momentum) = formula.at(k)
        #expect(isRelativelyClose(rate, expected), "\(oracle.name) lr[\(k)]: \(rate) vs \(expected)")
        if let expectedMomentum = oracle.momentum?[k] {
          #expect(
            momentum.map { isRelativelyClose($0, expectedMomentum) } == true,
            "\(oracle.name) momentum[\(k)]")
        }
      }
      tested += 1
    }
    #expect(tested == file.cases.count)  // 8 cases; none skipped
    #expect(tested == 8)
  }

  /// The product schedule, one step per epoch over 40 epochs, for each oracle case it can express.
  private static let products: [String: LearningRateSchedule] = {
    func schedule(
      _ name: ScheduleName, warmupSteps: Int? = nil, _ edit: (inout ScheduleParameters) -> Void = { _ in }
    ) -> LearningRateSchedule {
      var parameters = ScheduleParameters()
      edit(&parameters)
      return LearningRateSchedule(
        name: name, baseRate: 0.1, stepsPerEpoch: 1, totalEpochs: 40, warmupSteps: warmupSteps,
        warmupStartFactor: 0.1, parameters: parameters)
    }
    return [
      "step_lr": schedule(.step) {
        $0.stepSize = 10
        $0.stepGamma = 0.5
      },
      "exponential_lr": schedule(.exponential) { $0.exponentialGamma = 0.95 },
      "cosine_annealing_lr": schedule(.cosine) { $0.minimumRate = 0.001 },
      "cosine_annealing_warm_restarts": schedule(.cosineRestarts) {
        $0.restartPeriod = 10
        $0.restartMultiplier = 2
        $0.minimumRate = 0.001
      },
      "linear_warmup_then_cosine": schedule(.cosine, warmupSteps: 5) { $0.minimumRate = 0.001 },
      "one_cycle_fastai_formula": schedule(.onecycle),  // fastai defaults: the product's one-cycle
    ]
  }()

  @Test func productScheduleMatchesTheOracleCasesItExpresses() throws {
    let file = try Fixtures.oracle("schedules.json", as: ScheduleOracleFile.self)
    var tested = 0
    for oracle in file.cases {
      guard let schedule = Self.products[oracle.name] else { continue }  // PyTorch one-cycle: not the product's
      for (k, expected) in oracle.lr.enumerated() {
        let rate = schedule.rate(atStep: k)
        #expect(isRelativelyClose(rate, expected), "\(oracle.name) lr[\(k)]: \(rate) vs \(expected)")
        if let expectedMomentum = oracle.momentum?[k] {
          #expect(schedule.momentum(atStep: k).map { isRelativelyClose($0, expectedMomentum) } == true)
        }
      }
      tested += 1
    }
    #expect(tested == Self.products.count)
  }

  @Test func handCheckedValues() {
    // README §4: one_cycle lr[0] = 0.004 (+ rounding), lr[9] = 0.1, lr[39] = 0.1/25/1e4 exactly.
    #expect(ScheduleFormula.oneCyclePyTorch(maxRate: 0.1, k: 9, totalSteps: 40).rate == 0.1)
    #expect(ScheduleFormula.oneCyclePyTorch(maxRate: 0.1, k: 39, totalSteps: 40).rate == 0.1 / 25 / 1e4)
    // fastai: peak at k = 10 = 0.25·40, and the final 0.1/1e5 only at k = 40.
    #expect(ScheduleFormula.oneCycleFastai(maxRate: 0.1, k: 10, totalSteps: 40).rate == 0.1)
    // (fastai's form 0.1 + (1 + cos 0)·(1e-6 − 0.1)/2 cancels: ~1e-12 relative, hence 1e-10 here.)
    #expect(
      isRelativelyClose(
        ScheduleFormula.oneCycleFastai(maxRate: 0.1, k: 40, totalSteps: 40).rate, 1e-6, tolerance: 1e-10))
    // Warm restarts: back to the base rate at k = 10 and k = 30 (T_i 10, then 20).
    #expect(
      ScheduleFormula.cosineWarmRestarts(
        baseRate: 0.1, k: 30, firstPeriod: 10, periodMultiplier: 2, floor: 0.001) == 0.1)
    // Cosine holds its floor past the period (PyTorch's recursive form would rise again).
    #expect(ScheduleFormula.cosineAnnealing(baseRate: 0.1, k: 50, period: 40, floor: 0.001) == 0.001)
  }
}
