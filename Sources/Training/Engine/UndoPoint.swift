import NN
import Tensor

/// The trainer's state just before a manual change (a setting, the optimizer, the schedule, the
/// run's length, dropout, the batch size), so `u` / `:undo` can go back to it: weights, optimizer
/// state and settings, schedule, regularisers, patience, epochs, dropout rates and batch size. The
/// step counter and the logs go on forward.
struct UndoPoint {
  /// How many points the trainer keeps (the oldest is dropped).
  static let limit = 5

  /// The change this point precedes, as its event says it (`lr 1.0e-3 → 2.0e-3`); set once applied.
  var change = ""
  let step: Int
  let weights: [String: Tensor]
  let optimizerKind: OptimizerKind
  let optimizerSettings: OptimizerSettings
  let optimizerState: [String: Tensor]
  let optimizerSteps: Int
  let schedule: LearningRateSchedule
  let regularization: RegularizationSettings
  let patience: Int
  let threads: Int
  let totalEpochs: Int
  /// Each dropout layer's rate, in layer order.
  let dropoutRates: [Double]
  /// The batch size that will be in effect from the next epoch boundary.
  let batchSize: Int
}
