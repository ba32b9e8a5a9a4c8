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
