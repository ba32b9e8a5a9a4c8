import Foundation
import NN
import Tensor

extension Trainer {
  /// A step whose loss or gradient is not finite: the update is skipped, never applied.
  func handleNonFinite(loss lossValue: Double, norm: Double) {
    guardState.badStepsInARow += 1
    let skipped = EventDetail.nonFiniteSkipped(
      loss: lossValue, gradientNorm: norm, inARow: guardState.badStepsInARow)
    switch configuration.onNonFinite {
    case .stop:
      record(.nonFiniteStop(loss: lossValue, gradientNorm: norm))
      stopReason = .nonFinite
    case .ignore:
      record(skipped)
    case .rollback:
      record(skipped)
      if guardState.badStepsInARow >= configuration.nonFiniteLimit { rollBack() }
    }
  }

  /// Restores the last good weights and optimizer state and cuts the learning rate.
  func rollBack() {
    guardState.badStepsInARow = 0
    do {
      if let weights = guardState.lastGoodModel { try model.loadState(from: weights) }
      if let state = guardState.lastGoodOptimizer {
        try optimizer.importState(
          state, stepCount: guardState.lastGoodOptimizerSteps, parameters: model.parameters)
      }
    } catch {
      fail("rollback failed: \(error)")
      stopReason = .nonFinite
      return
    }
    let old = schedule.rate(atStep: progress.step)
    let new = old * configuration.rollbackFactor
    schedule.rescale(to: new, atStep: progress.step)
    learningRateChanges.append(progress.step)
    record(.rolledBack(oldRate: old, newRate: new))
    if configuration.pauseOnRollback { status = .paused }
  }

  /// Remembers the current weights and optimizer state as the last good ones (at each epoch end).
  func rememberGoodState() {
    guardState.lastGoodModel = model.stateTensors()
    guardState.lastGoodOptimizer = optimizer.exportState(model.parameters)
    guardState.lastGoodOptimizerSteps = optimizer.stepCount
  }
}
