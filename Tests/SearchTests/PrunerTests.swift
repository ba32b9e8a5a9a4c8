import Testing

@testable import Search

@Suite struct PrunerTests {
  /// A finished trial with `values` at epochs 1, 2, ….
  static func trial(_ number: Int, _ values: [Double], _ state: TrialState = .complete) -> Trial {
    var t = Trial(number: number, parameters: [:])
    for (i, v) in values.enumerated() { t.intermediate[i + 1] = v }
    t.state = state
    t.objective = values.last
    return t
  }

  @Test func medianPrunerByHand() {
    let pruner = MedianPruner()
    let done = [0.5, 0.6, 0.7, 0.8, 0.9].enumerated().map { Self.trial($0.offset, [$0.element]) }
    // Maximising accuracy: the median of the complete trials at epoch 1 is 0.7.
    #expect(pruner.shouldPrune(Self.trial(5, [0.65], .running), among: done, direction: .maximize))
    #expect(!pruner.shouldPrune(Self.trial(5, [0.75], .running), among: done, direction: .maximize))
    // Minimising: 0.65 is better than 0.7.
    #expect(!pruner.shouldPrune(Self.trial(5, [0.65], .running), among: done, direction: .minimize))
    // Fewer than n_startup_trials (5) complete: never.
    #expect(!pruner.shouldPrune(Self.trial(5, [0.1], .running), among: Array(done.prefix(4)), direction: .maximize))
    // The trial's best so far counts (0.8 at epoch 1) against the median at its latest epoch (2).
    let twoEpochs = [0.5, 0.6, 0.7, 0.8, 0.9].enumerated().map { Self.trial($0.offset, [0.1, $0.element]) }
    #expect(!pruner.shouldPrune(Self.trial(5, [0.8, 0.2], .running), among: twoEpochs, direction: .maximize))
    // An even count takes the mean of the middle two: [0.5, 0.6, 0.7, 0.8] + one pruned → still 4 complete.
    #expect(MedianPruner.median([0.5, 0.6, 0.7, 0.8]) == (0.6 + 0.7) / 2)
    // NaN is pruned.
    #expect(pruner.shouldPrune(Self.trial(5, [.nan], .running), among: done, direction: .maximize))
    // Warm-up: with n_warmup_steps 2 epoch 1 is never judged.
    let warm = MedianPruner(warmupSteps: 2)
    #expect(!warm.shouldPrune(Self.trial(5, [0.1], .running), among: done, direction: .maximize))
  }

  /// Rung 0 is judged at epoch 1 (min_resource 1), rung 1 at epoch 4 (reduction_factor 4).
  @Test func successiveHalvingRungsByHand() {
    let pruner = SuccessiveHalvingPruner()
    #expect((0..<4).map { pruner.promotionStep($0) } == [1, 4, 16, 64])
    var trials: [Trial] = []
    var decisions: [Bool] = []
    // Maximising; each trial reports epoch 1 in turn. Competing values at rung 0 include its own:
    // 0.5 alone → top; 0.4 vs [0.5, 0.4] → top 1 is 0.5 → pruned; 0.6 → top; 0.55 vs 4 values →
    // top 4/4 = 1 is 0.6 → pruned; … with 8 values the top 8/4 = 2 go on: 0.58 vs 0.6, 0.58 → kept.
    for (number, value) in [0.5, 0.4, 0.6, 0.55, 0.3, 0.2, 0.1, 0.58].enumerated() {
      var t = Self.trial(number, [value], .running)
      decisions.append(pruner.shouldPrune(&t, among: trials, direction: .maximize))
      #expect(t.rungs == [value])
      trials.append(t)
    }
    #expect(decisions == [false, true, false, true, true, true, true, false])
    // Trial 0 goes on; epochs 2 and 3 are not judged; at epoch 4 it meets rung 1 alone → kept.
    var first = trials[0]
    first.intermediate[2] = 0.1
    #expect(!pruner.shouldPrune(&first, among: trials, direction: .maximize))
    #expect(first.rungs == [0.5])
    first.intermediate[4] = 0.7
    #expect(!pruner.shouldPrune(&first, among: trials, direction: .maximize))
    #expect(first.rungs == [0.5, 0.7])
    // Minimising reads the order the other way: 0.4 is best at rung 0.
    var low = Self.trial(9, [0.45], .running)
    #expect(pruner.shouldPrune(&low, among: [Self.trial(0, [0.4], .running).withRungs([0.4])], direction: .minimize))
  }

  @Test func studyRebuildsRungsOnRestore() throws {
    var study = try Study(
      space: SearchSpace(), direction: .maximize, strategy: .random, pruner: .asha, trials: 5, seed: 1)
    study.restore(Self.trial(0, [0.1, 0.2, 0.3, 0.4, 0.5]))
    #expect(study.trials[0].rungs == [0.1, 0.4])
  }
}

extension Trial {
  func withRungs(_ rungs: [Double]) -> Trial {
    var copy = self
    copy.rungs = rungs
    return copy
  }
}

@Suite struct MeanDeviationTests {
  /// By hand: mean (0.5 + 0.75 + 1) / 3 = 0.75; deviations ±0.25 and 0, so std = √(0.125 / 3) (ddof 0).
  @Test func byHand() {
    let summary = MeanDeviation([0.5, 0.75, 1.0])
    #expect(summary.mean == 0.75)
    #expect(abs(summary.std - (0.125 / 3).squareRoot()) < 1e-15)
    #expect(MeanDeviation([2]).std == 0)
    #expect(MeanDeviation([]).mean.isNaN)
  }
}

@Suite struct ParameterImportanceTests {
  @Test func ranksByHand() {
    // Ties share the mean of their ranks: 10 → 1, the two 20s → 2.5, 30 → 4.
    #expect(ParameterImportance.ranks([20, 10, 30, 20]) == [2.5, 1, 4, 2.5])
    // A monotone but non-linear relation has ρ = 1 (Spearman), a reversed one −1.
    #expect(ParameterImportance.spearman([1, 2, 3, 4], [1, 8, 27, 64]) == 1)
    #expect(ParameterImportance.spearman([1, 2, 3, 4], [9, 7, 5, 1]) == -1)
    // ranks x [1,2,3,4] and y [2,1,4,3]: Σd² = 4, ρ = 1 − 6·4 / (4·15) = 0.6.
    #expect(abs(ParameterImportance.spearman([1, 2, 3, 4], [2, 1, 4, 3]) - 0.6) < 1e-12)
    // Groups a: [1, 3], b: [5, 7]; mean 4; total SS 9+1+1+9 = 20; between 2·1 + 2·1... group means
    // 2 and 6: 2·(2−4)² + 2·(6−4)² = 16; η = √(16/20).
    #expect(
      abs(ParameterImportance.correlationRatio(["a", "a", "b", "b"], [1, 3, 5, 7]) - (0.8).squareRoot()) < 1e-12)
  }

  @Test func ordersParametersAndSkipsUnfinishedTrials() {
    let space = SearchSpace([
      .init(name: "lr", distribution: .range(low: 1e-4, high: 1, log: true, integer: false, points: nil)),
      .init(name: "noise", distribution: .range(low: 0, high: 1, log: false, integer: false, points: nil)),
      .init(name: "optimizer", distribution: .choice([.text("adam"), .text("sgd")])),
    ])
    let rows: [(Double, Double, String, Double)] = [
      (1e-4, 0.5, "adam", 0.1), (1e-3, 0.1, "sgd", 0.2), (1e-2, 0.9, "adam", 0.3), (1e-1, 0.3, "sgd", 0.4),
    ]
    var trials = rows.enumerated().map { i, row in
      var t = Trial(number: i, parameters: ["lr": .number(row.0), "noise": .number(row.1), "optimizer": .text(row.2)])
      t.state = .complete
      t.objective = row.3
      return t
    }
    var pruned = Trial(number: 4, parameters: ["lr": .number(1), "noise": .number(0), "optimizer": .text("adam")])
    pruned.state = .pruned
    trials.append(pruned)
    let ranked = ParameterImportance.rank(trials, space: space)
    #expect(ranked.map(\.name) == ["lr", "optimizer", "noise"])
    #expect(ranked[0].importance == 1)
    // noise ranks [3, 1, 4, 2] against [1, 2, 3, 4]: Σd² = 4+1+1+4 = 10, ρ = 1 − 60/60 = 0.
    #expect(abs(ranked[2].importance) < 1e-12)
    // optimizer: adam {0.1, 0.3} mean 0.2, sgd {0.2, 0.4} mean 0.3; overall 0.25; between 2·0.0025·2 = 0.01,
    // total 0.0225+0.0025+0.0025+0.0225 = 0.05; η = √0.2.
    #expect(abs(ranked[1].importance - (0.2).squareRoot()) < 1e-12)
  }
}
