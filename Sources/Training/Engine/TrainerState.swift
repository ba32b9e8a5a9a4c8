import Datasets
import Foundation
import Tensor

/// Where the trainer is in the run.
struct Progress: Codable, Equatable {
  /// Completed epochs.
  var epoch = 0
  /// Batches done in the current epoch.
  var batchInEpoch = 0
  /// Updates taken (global step).
  var step = 0
}

/// Regularisation and clipping that commands may change mid-run.
struct RegularizationSettings: Codable, Equatable {
  var l1: Double
  var l2: Double
  var clipNorm: Double?
  var clipValue: Double?
}

/// Buffers reused by every step, so a step allocates nothing once they are sized.
struct StepBuffers {
  var batch = Batch()
  var predictions: [Int32] = []
  /// The current epoch's shuffled order of training rows (one permutation per epoch).
  var order: [Int] = []
  /// The epoch `order` was drawn for (-1: none yet).
  var orderEpoch = -1
}

/// Running sums over the current epoch's training batches.
struct EpochAccumulator: Codable, Equatable {
  var lossSum: Double = 0
  var samples = 0
  var correct = 0
  var startTime = Date().timeIntervalSince1970
  var trainingSeconds: Double = 0
  var pausedSeconds: Double = 0
  var regression = RegressionAccumulator()

  mutating func reset() { self = EpochAccumulator() }

  /// Mean training loss so far this epoch.
  var meanLoss: Double { samples == 0 ? .nan : lossSum / Double(samples) }
}

/// The non-finite guard's memory: bad steps in a row and the last good state.
struct NonFiniteGuardState {
  var badStepsInARow = 0
  var lastGoodModel: [String: Tensor]?
  var lastGoodOptimizer: [String: Tensor]?
  var lastGoodOptimizerSteps = 0
}

/// Decides when a snapshot is due: at most `rate` per second.
struct PublishClock {
  private var last: UInt64 = 0

  /// True (and resets) when at least 1/rate seconds have passed since the last publish.
  mutating func isDue(rate: Double) -> Bool {
    let now = DispatchTime.now().uptimeNanoseconds
    guard Double(now &- last) >= 1e9 / rate else { return false }
    last = now
    return true
  }
}
