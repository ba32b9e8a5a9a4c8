import Foundation
import NN
import Tensor
import Testing

@testable import Training

/// The step's maths alone, on a 1→1 linear model whose numbers can be followed by hand.
@Suite struct StepEngineTests {
  /// y = w·x + b with w = 1.5, b = 0.25; MSE; SGD at lr 0.1.
  func engine(_ regularization: RegularizationSettings) -> StepEngine {
    var rng = SeededGenerator(seed: 1)
    let model = Sequential(spec: ModelSpec(sizes: [1, 1]), rng: &rng)
    model.parameters[0].value = Tensor(shape: [1, 1], storage: [1.5])
    model.parameters[1].value = Tensor(shape: [1], storage: [0.25])
    var settings = OptimizerSettings()
    settings.learningRate = 0.1
    return StepEngine(
      model: model, optimizer: makeOptimizer(.sgd, settings: settings), loss: MeanSquaredError(),
      regularization: regularization, rng: rng)
  }

  let input = Tensor(shape: [1, 1], storage: [2])
  let target = LossTarget.values(Tensor(shape: [1, 1], storage: [1]))

  @Test func gradientsCarryThePenaltyAndLeaveTheWeights() {
    let engine = engine(RegularizationSettings(l1: 0, l2: 0.1))
    let (output, loss, norm) = engine.computeGradients(input, target: target)
    // PyTorch's MSELoss: out = 1.5·2 + 0.25 = 3.25, loss (3.25 − 1)² = 5.0625, dL/dout = 4.5,
    // dw = 4.5·2 = 9, db = 4.5; the L2 penalty λ·w² = 0.225 and its gradient 2λw = 0.3 (weights only).
    #expect(output.storage == [3.25])
    #expect(abs(loss - 5.2875) < 1e-6)
    #expect(abs(engine.model.parameters[0].gradient.storage[0] - 9.3) < 1e-5)
    #expect(engine.model.parameters[1].gradient.storage == [4.5])
    #expect(abs(norm - (9.3 * 9.3 + 4.5 * 4.5).squareRoot()) < 1e-5)
    #expect(engine.layerSquares.count == 1 && abs(engine.layerSquares[0] - norm * norm) < 1e-4)
    #expect(engine.model.parameters[0].value.storage == [1.5])  // nothing updated yet
  }

  @Test func updateClipsByNormThenSteps() {
    let engine = engine(RegularizationSettings(l1: 0, l2: 0, clipNorm: 1))
    let (_, _, norm) = engine.computeGradients(input, target: target)
    engine.update(norm: norm)
    // clip_grad_norm_(1): gradients × 1/(‖g‖ + 1e-6), ‖g‖ = √(9² + 4.5²); then w − 0.1·g.
    let scale = 1 / ((81 + 20.25).squareRoot() + 1e-6)
    #expect(abs(Double(engine.model.parameters[0].value.storage[0]) - (1.5 - 0.1 * 9 * scale)) < 1e-6)
    #expect(abs(Double(engine.model.parameters[1].value.storage[0]) - (0.25 - 0.1 * 4.5 * scale)) < 1e-6)
    #expect(engine.optimizer.stepCount == 1)
  }

  @Test func updateClipsByValue() {
    let engine = engine(RegularizationSettings(l1: 0, l2: 0, clipValue: 2))
    let (_, _, norm) = engine.computeGradients(input, target: target)
    engine.update(norm: norm)
    // clip_grad_value_(2): both gradients (9 and 4.5) become 2.
    #expect(abs(engine.model.parameters[0].value.storage[0] - 1.3) < 1e-6)
    #expect(abs(engine.model.parameters[1].value.storage[0] - 0.05) < 1e-6)
  }
}
