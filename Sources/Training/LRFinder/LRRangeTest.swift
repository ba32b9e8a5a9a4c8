import Datasets
import Foundation
import NN
import Tensor

/// The learning-rate range test (Smith 2015) as fastai's `lr_find` runs it: the rate grows
/// exponentially from `startRate` towards `endRate` over `iterations` steps (step i uses
/// `start·(end/start)^(i/iterations)`), the loss is smoothed with a debiased EMA (β 0.98), and the
/// sweep stops early once the smoothed loss is above `stopFactor` times its best or not finite.
///
/// Each step is the run's step (`StepEngine`: L1/L2 penalties and clipping included). It trains
/// the engine it is given: pass a copy to leave a run untouched.
public struct LRRangeTest: Sendable {
  public var startRate = 1e-7
  public var endRate = 10.0
  public var iterations = 100
  /// fastai's `stop_div` factor.
  public var stopFactor = 4.0
  /// The EMA weight of the smoothed loss (fastai's and Lightning's 0.98).
  public var smoothing = 0.98

  public init(startRate: Double = 1e-7, endRate: Double = 10, iterations: Int = 100) {
    self.startRate = startRate
    self.endRate = endRate
    self.iterations = iterations
  }

  /// The rate of step `i`.
  public func rate(atStep i: Int) -> Double {
    startRate * pow(endRate / startRate, Double(i) / Double(max(1, iterations)))
  }

  /// Sweeps `engine` on shuffled batches of `split` (the order and dropout seeded by `seed`),
  /// recording each step's rate and smoothed loss; a step whose loss or gradient is not finite is
  /// not applied.
  public func run(engine: StepEngine, task: DatasetTask, split: DataSplit, batchSize: Int, seed: UInt64) -> LRCurve {
    let sampler = EpochSampler(count: split.count, batchSize: batchSize, seed: seed)
    engine.rng = SeededGenerator(seed: seed)
    var order: [Int] = []
    var batch = Batch()
    var curve = LRCurve()
    var average = 0.0
    var best = Double.infinity
    for step in 0..<iterations where sampler.batchesPerEpoch > 0 {
      let (epoch, index) = step.quotientAndRemainder(dividingBy: sampler.batchesPerEpoch)
      if index == 0 { sampler.permutation(epoch: epoch, into: &order) }
      split.fill(&batch, indices: order[sampler.range(ofBatch: index)])
      let rate = rate(atStep: step)
      engine.optimizer.settings.learningRate = rate
      let target: LossTarget = task.isClassification ? .classes(batch.labels) : .values(batch.targets)
      let (_, value, norm) = engine.computeGradients(batch.inputs, target: target)
      if value.isFinite && norm.isFinite { engine.update(norm: norm) }
      // torch.lerp(loss, average, β), debiased by 1 - β^(step + 1), as fastai's AvgSmoothLoss.
      average = smoothing * average + (1 - smoothing) * value
      let smoothed = average / (1 - pow(smoothing, Double(step + 1)))
      curve.rates.append(rate)
      curve.losses.append(smoothed)
      best = min(best, smoothed)
      if !smoothed.isFinite || smoothed > stopFactor * best {
        curve.stoppedAtStep = step
        break
      }
    }
    return curve
  }
}

/// An LR range test's record: the rate and smoothed loss of each step taken.
public struct LRCurve: Sendable, Equatable {
  public var rates: [Double] = []
  public var losses: [Double] = []
  /// The step at which the loss diverged (above the stop factor times its best, or not finite), if it did.
  public var stoppedAtStep: Int?

  public init(rates: [Double] = [], losses: [Double] = [], stoppedAtStep: Int? = nil) {
    self.rates = rates
    self.losses = losses
    self.stoppedAtStep = stoppedAtStep
  }
}
