import Datasets
import Foundation
import NN
import Tensor

extension Trainer {
  /// One update on training batch `batchIndex` of the current epoch.
  func trainStep(batchIndex: Int) {
    let started = DispatchTime.now().uptimeNanoseconds
    if buffers.orderEpoch != progress.epoch {
      sampler.permutation(epoch: progress.epoch, into: &buffers.order)
      buffers.orderEpoch = progress.epoch
    }
    dataset.train.fill(&buffers.batch, indices: buffers.order[sampler.range(ofBatch: batchIndex)])
    augmenter?.apply(to: &buffers.batch, epoch: progress.epoch, batch: batchIndex)
    let rate = schedule.rate(atStep: progress.step)
    optimizer.settings.learningRate = rate
    if let momentum = schedule.momentum(atStep: progress.step) { applyCycledMomentum(momentum) }

    let (output, lossValue, norm) = engine.computeGradients(buffers.batch.inputs, target: target())
    guard lossValue.isFinite, norm.isFinite else {
      handleNonFinite(loss: lossValue, norm: norm)
      return
    }
    guardState.badStepsInARow = 0
    countCorrect(output)  // only for steps that count: a skipped batch adds neither samples nor hits
    engine.update(norm: norm)
    progress.step += 1
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    record(loss: lossValue, rate: rate, norm: norm, seconds: seconds)
    watchHealth(loss: lossValue, norm: norm)
  }

  /// One-cycle's momentum, as fastai applies it: the momentum of the momentum kinds, Adam's β1.
  func applyCycledMomentum(_ momentum: Double) {
    switch optimizer.kind {
    case .momentum, .nesterov, .rmsprop: optimizer.settings.momentum = momentum
    case .adam, .adamw: optimizer.settings.beta1 = momentum
    case .sgd, .adagrad: break
    }
  }

  /// The loss target for the current batch.
  func target() -> LossTarget {
    dataset.task.isClassification
      ? .classes(buffers.batch.labels) : .values(buffers.batch.targets)
  }

  /// Adds this batch's correct predictions (classification) or residuals (regression) to the epoch sums.
  func countCorrect(_ output: Tensor) {
    let n = buffers.batch.count
    if dataset.task.isClassification {
      output.argmaxRows(into: &buffers.predictions)
      var correct = 0
      for i in 0..<n where buffers.predictions[i] == buffers.batch.labels[i] { correct += 1 }
      accumulator.correct += correct
    } else {
      accumulator.regression.add(predictions: output, targets: buffers.batch.targets)
    }
  }

  /// Records a finished step in the history, the epoch sums and the step log.
  func record(loss lossValue: Double, rate: Double, norm: Double, seconds: Double) {
    let n = buffers.batch.count
    accumulator.lossSum += lossValue * Double(n)
    accumulator.samples += n
    accumulator.trainingSeconds += seconds
    let samplesPerSecond = seconds > 0 ? Double(n) / seconds : 0
    history.record(lossValue, at: progress.step, in: .trainLoss)
    history.record(rate, at: progress.step, in: .learningRate)
    history.record(norm, at: progress.step, in: .gradientNorm)
    let every = configuration.logStepsEvery ?? 1
    guard every > 0, progress.step % every == 0 else { return }
    writeLog {
      try $0.appendStep(
        step: progress.step, epoch: progress.epoch + 1, loss: lossValue, learningRate: rate,
        gradientNorm: norm, samplesPerSecond: samplesPerSecond,
        layerGradientSquares: engine.layerSquares, momentum: loggedMomentum)
    }
  }
}
