import Datasets
import NN
import Tensor

/// One training step's maths on a batch the caller fills: forward, loss, backward, the L1/L2
/// penalties, the global gradient norm, clipping and the optimizer's update.
///
/// It owns the model, optimizer, loss and regularisation of one run and the step's buffers, and
/// knows nothing of epochs, schedules, commands or logs: the `Trainer` sequences it, and the LR
/// finder sweeps a copy of it (`Trainer.engineCopy()`), so both take the same step.
public final class StepEngine {
  /// The model being trained.
  var model: Sequential
  /// The optimizer (replaced when the kind changes; its learning rate is set before each step).
  var optimizer: any Optimizer
  /// The training loss, without the penalties.
  let loss: any Loss
  var regularization: RegularizationSettings
  /// Dropout's random numbers (saved in checkpoints, so a resumed run drops the same units).
  var rng: SeededGenerator
  private var lossGradient = Tensor(shape: [0, 0])
  /// The sum of squared gradients of each parameterised layer after the last `computeGradients`,
  /// in `model.parameterGroups` order.
  private(set) var layerSquares: [Double] = []

  init(
    model: Sequential, optimizer: any Optimizer, loss: any Loss,
    regularization: RegularizationSettings = RegularizationSettings(l1: 0, l2: 0), rng: SeededGenerator
  ) {
    self.model = model
    self.optimizer = optimizer
    self.loss = loss
    self.regularization = regularization
    self.rng = rng
  }

  /// A fresh engine for `configuration` on a `task` dataset: the model initialised from the
  /// configuration's seed (the same generator then drives dropout), a fresh optimizer, the loss.
  public convenience init(configuration: TrainerConfiguration, task: DatasetTask) {
    var generator = SeededGenerator(seed: configuration.seed)
    let model = Sequential(spec: configuration.model, rng: &generator)
    self.init(
      model: model, optimizer: makeOptimizer(configuration.optimizer, settings: configuration.settings),
      loss: configuration.makeLoss(for: task),
      regularization: RegularizationSettings(
        l1: configuration.l1, l2: configuration.l2, clipNorm: configuration.clipNorm,
        clipValue: configuration.clipValue),
      rng: generator)
  }

  /// Forward and backward on `inputs` in training mode; nothing is updated yet.
  ///
  /// - Returns: the model's output (for the caller's metrics), the loss with its L1/L2 penalty,
  ///   and the global gradient norm before clipping.
  func computeGradients(_ inputs: Tensor, target: LossTarget) -> (output: Tensor, loss: Double, norm: Double) {
    let output = model.forward(inputs, mode: .training, rng: &rng)
    var value = loss.evaluate(output, target, gradient: &lossGradient)
    model.backward(lossGradient: lossGradient)
    if regularization.l1 > 0 { value += l1Penalty(model.parameters, lambda: regularization.l1) }
    if regularization.l2 > 0 { value += l2Penalty(model.parameters, lambda: regularization.l2) }
    model.layerGradientSquaredSums(into: &layerSquares)
    return (output, value, layerSquares.reduce(0, +).squareRoot())
  }

  /// Clips the gradients as configured (`norm` is `computeGradients`' norm), then takes the
  /// optimizer's step at its current settings.
  func update(norm: Double) {
    if let maxNorm = regularization.clipNorm, norm > maxNorm {
      _ = clipGradients(model.parameters, maxNorm: maxNorm)
    }
    if let maxValue = regularization.clipValue {
      clipGradients(model.parameters, maxValue: maxValue)
    }
    optimizer.step(model.parameters)
  }
}
