import Datasets
import Foundation
import NN
import Tensor
import Testing

@testable import Training

/// fastai's and Lightning's suggestion rules on curves worked out by hand.
@Suite struct LRSuggestionTests {
  /// One decade per point, so every rule's answer is easy to read: rates[i] = 10^(i-7).
  static func rates(_ n: Int) -> [Double] { (0..<n).map { pow(10, Double($0 - 7)) } }

  @Test func valleyFollowsFastaisLoop() {
    // Longest decreasing subsequence of [5, 4, 6, 3, 2, 1, 7]: 5 4 3 2 1 (indices 0 1 3 4 5), length 5;
    // fastai: max_end 5, max_start = 5 - 5 = 0, sections = 5/3, idx = 0 + 1 + int(0.83) = 1.
    #expect(LRSuggestion.valley(Self.rates(7), [5, 4, 6, 3, 2, 1, 7]) == 1e-6)
    // [5, 4, 6, 7, 8]: the longest run is 5 4 (max_end 1, max_start 1 - 2 = -1), sections 2/3, idx -1:
    // Python's lrs[-1] is the last rate, and fastai suggests it.
    #expect(LRSuggestion.valley(Self.rates(5), [5, 4, 6, 7, 8]) == 1e-3)
    // A steady descent of 9 points: max_end 8, max_start 8 - 9 = -1, sections 3, idx -1 + 3 + 1 = 3.
    #expect(LRSuggestion.valley(Self.rates(9), [9, 8, 7, 6, 5, 4, 3, 2, 1]) == 1e-4)
  }

  @Test func steepIsTheMostNegativeSlopePerLogRate() {
    // Equal log steps: the slopes are the differences [-1, 2, -3, -1, -1, 6]; the lowest starts at 2.
    #expect(LRSuggestion.steep(Self.rates(7), [5, 4, 6, 3, 2, 1, 7]) == 1e-5)
  }

  @Test func minimumIsATenthOfTheLowestLossRate() {
    #expect(LRSuggestion.minimum(Self.rates(7), [5, 4, 6, 3, 2, 1, 7]) == 1e-3)  // 1e-2 / 10
    #expect(LRSuggestion.minimum(Self.rates(4), [3, 1, 1, 2]) == 1e-7)  // the first of equal minima
  }

  @Test func slideWalksLeftUntilTheSlopeSettles() {
    // A straight line: np.gradient is -0.01 everywhere, so the loop never runs: lrs[-16] = rates[4].
    let line = (0..<20).map { 1 - 0.01 * Double($0) }
    #expect(LRSuggestion.slide(Self.rates(20), line) == Self.rates(20)[4])
    // Flat then rising ever faster: gradients 15 points apart never agree, the walk reaches index 0.
    let rising: [Double] = (0..<20).map { $0 < 10 ? 1.0 : 1 + 0.1 * pow(Double($0 - 9), 2) }
    #expect(LRSuggestion.slide(Self.rates(20), rising) == Self.rates(20)[0])
    // Flat, then a rise of constant slope 0.1 from index 10, then flat again from 16: walking left from
    // r = 19 (gradient 0, l = 4 gradient 0) the gradients agree at once: lrs[4].
    let ramp: [Double] = (0..<20).map { i in
      if i < 10 { return 1 }
      return i < 16 ? 1 + 0.1 * Double(i - 9) : 1.6
    }
    #expect(LRSuggestion.slide(Self.rates(20), ramp) == Self.rates(20)[4])
    #expect(LRSuggestion.slide(Self.rates(15), Array(line.prefix(15))) == nil)  // 15 points: too few
  }

  @Test func steepestIsLightningsLowestGradientAfterTenPoints() {
    // Points 10…18 are [5, 4, 6, 3, 2, 1, 7, 8, 9] (point 19 is skipped): np.gradient gives
    // [-1, 0.5, -0.5, -2, -1, 2.5, 3.5, 1, 1]; the lowest is at 3, so point 13.
    let losses = [Double](repeating: 9, count: 10) + [5, 4, 6, 3, 2, 1, 7, 8, 9] + [100]
    #expect(LRSuggestion.steepest(Self.rates(20), losses) == Self.rates(20)[13])
    // Lightning drops non-finite losses before the gradient but still adds 10 to the index: a NaN at
    // point 11 shifts the kept list left, its lowest gradient (now at 2) reads point 12.
    var withNaN = losses
    withNaN[11] = .nan
    #expect(LRSuggestion.steepest(Self.rates(20), withNaN) == Self.rates(20)[12])
    #expect(LRSuggestion.steepest(Self.rates(11), Array(losses.prefix(11))) == nil)
  }

  @Test func npGradientMatchesNumpy() {
    // np.gradient([1, 4, 9, 16]) = [3, 4, 6, 7].
    #expect(LRSuggestion.gradient([1, 4, 9, 16]) == [3, 4, 6, 7])
  }

  @Test func allTrimsTheCurveAsFastaiAndLightningDo() {
    // 100 points: fastai's rules see points 10…94, Lightning's 10…98. Flat to 40, down by 0.1 a point
    // to 60 with extra drops of 0.3 from 50 to 51 and 0.1 from 51 to 52, then up by 0.5 a point.
    let rates = (0..<100).map { 1e-7 * pow(1e8, Double($0) / 100) }
    let losses: [Double] = (0..<100).map { i in
      let x = Double(i)
      if i < 40 { return 2.3 }
      if i <= 60 { return 2.3 - 0.1 * (x - 40) - (i > 50 ? 0.3 : 0) - (i > 51 ? 0.1 : 0) }
      return 0.3 + 0.5 * (x - 60)
    }
    let found = LRSuggestion.all(rates: rates, losses: losses, iterations: 100)
    #expect(found.map(\.rule) == [LRSuggestion.Rule.valley, .steep, .minimum, .slide, .steepest])
    // Minimum: the lowest loss (−0.1) at point 60 → rates[60] / 10.
    #expect(found.first { $0.rule == LRSuggestion.Rule.minimum }?.rate == rates[60] / 10)
    // Steep: equal log steps, so the steepest slope is the largest drop, −0.4 from point 50 to 51.
    #expect(found.first { $0.rule == LRSuggestion.Rule.steep }?.rate == rates[50])
    // Lightning: np.gradient at 50 is (l51 − l49)/2 = (0.9 − 1.4)/2 = −0.25, at 51 (0.7 − 1.3)/2 = −0.3,
    // at 52 (0.6 − 0.9)/2 = −0.15, −0.1 elsewhere on the way down: point 51.
    #expect(found.first { $0.rule == LRSuggestion.Rule.steepest }?.rate == rates[51])
    // Too short a curve (a sweep that diverged at once) gives no suggestion at all.
    #expect(LRSuggestion.all(rates: Array(rates.prefix(12)), losses: Array(losses.prefix(12)), iterations: 100).isEmpty)
  }
}

/// The sweep itself: its rates, its smoothing and its stop.
@Suite struct LRRangeTestTests {
  func sweep(_ test: LRRangeTest, seed: UInt64 = 3) -> (LRCurve, Sequential) {
    var rng = SeededGenerator(seed: seed)
    let model = Sequential(spec: ModelSpec(sizes: [4, 16, 3]), rng: &rng)
    let engine = StepEngine(
      model: model, optimizer: makeOptimizer(.adam, settings: OptimizerSettings()), loss: SoftmaxCrossEntropy(),
      rng: SeededGenerator(seed: 0))
    let curve = test.run(
      engine: engine, task: TrainerFixtures.iris.task, split: TrainerFixtures.iris.train, batchSize: 16, seed: seed)
    return (curve, model)
  }

  @Test func ratesGrowExponentiallyAndTheFirstLossIsTheRawOne() throws {
    let test = LRRangeTest(startRate: 1e-7, endRate: 1e-6, iterations: 30)
    let (curve, _) = sweep(test)
    #expect(curve.rates.count == 30 && curve.stoppedAtStep == nil)
    for (i, rate) in curve.rates.enumerated() { #expect(rate == 1e-7 * pow(10, Double(i) / 30)) }
    // Step 0's smoothed loss is its raw loss (the EMA debiased by 1 - 0.98): the loss of the first
    // shuffled batch under the initial weights.
    var rng = SeededGenerator(seed: 3)
    let fresh = Sequential(spec: ModelSpec(sizes: [4, 16, 3]), rng: &rng)
    let order = EpochSampler(count: TrainerFixtures.iris.train.count, batchSize: 16, seed: 3).permutation(epoch: 0)
    var batch = Batch()
    TrainerFixtures.iris.train.fill(&batch, indices: order[0..<16])
    var gradient = Tensor(shape: [0, 0])
    var other = SeededGenerator(seed: 0)
    let raw = SoftmaxCrossEntropy().evaluate(
      fresh.forward(batch.inputs, mode: .training, rng: &other), .classes(batch.labels), gradient: &gradient)
    #expect(abs(curve.losses[0] - raw) <= 1e-12 * raw)
    #expect(curve.losses.allSatisfy { $0.isFinite })
  }

  @Test func aDivergingSweepStopsAtFourTimesTheBest() throws {
    let test = LRRangeTest(startRate: 1e-4, endRate: 1e4, iterations: 200)
    let (curve, _) = sweep(test)
    let stop = try #require(curve.stoppedAtStep)
    #expect(curve.losses.count == stop + 1 && stop < 199)
    let best = curve.losses.dropLast().min() ?? .nan
    let last = curve.losses[stop]
    #expect(!last.isFinite || last > 4 * min(best, last))
    #expect(curve.losses.dropLast().allSatisfy { $0.isFinite && $0 <= 4 * best })
  }

  @Test func itTrainsTheModelItIsGiven() {
    var rng = SeededGenerator(seed: 3)
    let untouched = Sequential(spec: ModelSpec(sizes: [4, 16, 3]), rng: &rng)
    let (_, swept) = sweep(LRRangeTest(startRate: 1e-3, endRate: 1e-1, iterations: 10))
    #expect(swept.parameters[0].value != untouched.parameters[0].value)
  }
}
