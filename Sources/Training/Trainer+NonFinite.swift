import Foundation
import NN
import Tensor

extension Trainer {
  /// A step whose loss or gradient is not finite: the update is skipped, never applied.
  func handleNonFinite(loss lossValue: Double, norm: Double) {
    guardState.badStepsInARow += 1
    let what = lossValue.isFinite ? "gradient norm \(norm)" : "loss \(lossValue)"
    switch configuration.onNonFinite {
    case .stop:
      log(.stop, "non-finite \(what): stopping")
      stopReason = .nonFinite
    case .ignore:
      log(.skippedStep, "non-finite \(what): update skipped")
    case .rollback:
      log(.skippedStep, "non-finite \(what): update skipped (\(guardState.badStepsInARow) in a row)")
      if guardState.badStepsInARow >= configuration.nonFiniteLimit { rollBack() }
    }
  }

  /// Restores the last good weights and optimizer state and cuts the learning rate.
  func rollBack() {
    guardState.badStepsInARow = 0
    if let weights = guardState.lastGoodModel {
      try? model.loadState(from: weights)
    }
    if let state = guardState.lastGoodOptimizer {
      try? optimizer.importState(
        state, stepCount: guardState.lastGoodOptimizerSteps, parameters: model.parameters)
    }
    let old = schedule.rate(atStep: progress.step)
    let new = old * configuration.rollbackFactor
    schedule.rescale(to: new, atStep: progress.step)
    learningRateChanges.append(progress.step)
    log(
      .rollback, "rolled back to the last good weights; lr \(formatRate(old)) → \(formatRate(new))",
      oldValue: formatRate(old), newValue: formatRate(new))
    if configuration.pauseOnRollback { status = .paused }
  }

  /// Remembers the current weights and optimizer state as the last good ones (at each epoch end).
  func rememberGoodState() {
    guardState.lastGoodModel = model.stateTensors()
    guardState.lastGoodOptimizer = optimizer.exportState(model.parameters)
    guardState.lastGoodOptimizerSteps = optimizer.stepCount
  }
}

/// Formats a learning rate compactly with up to three significant digits, e.g. `1.0e-3`, `1.25e-3`.
public func formatRate(_ value: Double) -> String {
  guard value.isFinite, value != 0 else { return "\(value)" }
  var exponent = Int(floor(log10(abs(value))))
  var mantissa = (value / pow(10, Double(exponent)) * 100).rounded() / 100
  if abs(mantissa) >= 10 {
    mantissa /= 10
    exponent += 1
  }
  var text = String(format: "%.2f", mantissa)
  if text.hasSuffix("0") { text.removeLast() }
  return "\(text)e\(exponent)"
}
