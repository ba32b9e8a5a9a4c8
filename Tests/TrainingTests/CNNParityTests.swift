import Foundation
import NN
import Tensor
import TestSupport
import Testing
import Training

/// `Tests/Fixtures/oracles/cnn_parity/parity.json` (generate_cnn.py): the peer CNN in float32
/// from PyTorch's initial weights, Adam 1e-3, batches k = samples [128k, 128k + 128) of MNIST's
/// training file in order, x = pixel/255, one thread.
private struct CNNParityOracle: Decodable {
  struct Data: Decodable { let batch_size: Int }
  let data: Data
  let steps: Int
  let loss_per_step: [Double]
}

/// Our peer CNN trained on real MNIST follows PyTorch's losses: within 1e-5 for 30 steps, 2e-4 over 100.
@Suite struct CNNParityTests {
  static let folder = Fixtures.oracles.appendingPathComponent("cnn_parity")

  @Test func lossesFollowPyTorch() throws {
    let oracle = try Fixtures.oracle("cnn_parity/parity.json", as: CNNParityOracle.self)
    let size = oracle.data.batch_size
    let data = try MNISTPrefix.read(count: oracle.steps * size)
    var spec = try ModelSpec(parsing: "conv16k3p1-relu-maxpool2-conv32k3p1-relu-maxpool2-flatten-dense10")
    spec.inputShape = [1, 28, 28]
    var rng = SeededGenerator(seed: 1)  // unused: no dropout
    let model = Sequential(spec: spec, rng: &rng)
    let initial = try Safetensors.read(from: Self.folder.appendingPathComponent("cnn_init.safetensors")).tensors
    var state: [String: Tensor] = [:]
    for (name, tensor) in initial { state["layers." + name] = tensor }  // PyTorch `0.weight` → `layers.0.weight`
    try model.loadState(from: state)
    let optimizer = makeOptimizer(.adam, settings: OptimizerSettings.defaults(for: .adam))
    let loss = SoftmaxCrossEntropy()
    var lossGradient = Tensor(shape: [0])
    var worst = 0.0
    var early = 0.0
    for k in 0..<oracle.steps {
      let batch = data.batch((size * k)..<(size * k + size))
      let logits = model.forward(batch.inputs, mode: .training, rng: &rng)
      let value = loss.evaluate(logits, .classes(batch.labels), gradient: &lossGradient)
      worst = max(worst, abs(value - oracle.loss_per_step[k]))
      if k < 30 { early = max(early, abs(value - oracle.loss_per_step[k])) }
      model.backward(lossGradient: lossGradient)
      optimizer.step(model.parameters)
    }
    // Measured here: at most 3.3e-6 over the first 30 steps, then a jump near step 40 to 1.9e-5 and
    // 1.03e-4 at most by step 97. That is PyTorch's own floor: bench/pytorch_cnn_parity_sensitivity.py
    // reruns this oracle with the initial weights scaled by 1 + 1e-7·N(0,1): 4 of 6 seeds end
    // 1.05e-4 to 4.4e-4 from it, three with our shape (3.2e-6 over 30 steps, first above 1e-5 at step
    // 38): near-zero ReLU inputs and near-tied max-pool windows flip under any rounding difference.
    #expect(early < 1e-5, "largest loss difference over the first 30 steps: \(early)")
    #expect(worst < 2e-4, "largest loss difference over \(oracle.steps) steps: \(worst)")
    #expect(oracle.loss_per_step.last! < 0.5)  // the run learned: PyTorch's loss after 100 steps
  }
}
