import NN
import Tensor
import TestSupport
import Testing

/// Building, running and saving a `Sequential` model.
@Suite struct SequentialTests {
  private func model(_ text: String, seed: UInt64 = 1) throws -> Sequential {
    var rng = SeededGenerator(seed: seed)
    return Sequential(spec: try ModelSpec(parsing: text), rng: &rng)
  }

  private func batch(_ rows: Int, _ columns: Int, seed: UInt64 = 2) -> Tensor {
    GradientCheck.randomTensor([rows, columns], seed: seed, range: 0...1)
  }

  /// One training step's forward, loss and backward; returns the loss. (A function, so the
  /// returned logits are released before the next step: callers must not keep them.)
  @discardableResult
  private func step(_ model: Sequential, _ x: Tensor, _ labels: [Int32], rng: inout SeededGenerator) -> Double {
    var gradient = Tensor(shape: [0])
    let logits = model.forward(x, mode: .training, rng: &rng)
    let loss = SoftmaxCrossEntropy().evaluate(logits, .classes(labels), gradient: &gradient)
    model.backward(lossGradient: gradient)
    return loss
  }

  /// 784·256 + 256 + 256·128 + 128 + 128·10 + 10 = 235 146 (as PyTorch counts the same MLP).
  @Test func parameterCount() throws {
    let mlp = try model("784-256-128-10")
    #expect(mlp.parameterCount == 235_146)
    #expect(mlp.layers.map(\.summary) == ["dense 784→256", "relu", "dense 256→128", "relu", "dense 128→10"])
    #expect(mlp.outputFeatures == 10)
  }

  @Test func namesFollowPyTorchSequential() throws {
    let mlp = try model("6-5-4-3 tanh bn dropout 0.5")
    #expect(
      mlp.layers.map(\.summary) == [
        "dense 6→5", "batchnorm 5", "tanh", "dropout 0.5", "dense 5→4", "batchnorm 4", "tanh", "dropout 0.5",
        "dense 4→3",
      ])
    #expect(
      mlp.parameters.map(\.name) == [
        "layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias",
        "layers.4.weight", "layers.4.bias", "layers.5.weight", "layers.5.bias", "layers.8.weight", "layers.8.bias",
      ])
    #expect(
      mlp.buffers.map(\.name) == [
        "layers.1.running_mean", "layers.1.running_var", "layers.1.num_batches_tracked",
        "layers.5.running_mean", "layers.5.running_var", "layers.5.num_batches_tracked",
      ])
    #expect(mlp.parameterCount == 6 * 5 + 5 + 10 + 5 * 4 + 4 + 8 + 4 * 3 + 3)
  }

  /// Weights come from the spec's initialiser (He uniform for ReLU: |w| ≤ √(6/fan_in)); biases are 0.
  @Test func initialisation() throws {
    let mlp = try model("100-50-10")
    let first = try #require(mlp.layers[0] as? Dense)
    #expect(first.weight.value.storage.allSatisfy { abs($0) <= (6.0 / 100).squareRoot() })
    #expect(first.weight.value.storage.contains { $0 != 0 })
    #expect(first.bias.value.storage.allSatisfy { $0 == 0 })
    #expect(try model("100-50-10", seed: 1).stateTensors() == mlp.stateTensors())
    #expect(try model("100-50-10", seed: 2).stateTensors() != mlp.stateTensors())
  }

  /// Batches of 1 and 512 through 784-256-128-10: shapes, finite values, every gradient written.
  @Test(arguments: [1, 512])
  func forwardAndBackward(batchSize: Int) throws {
    let mlp = try model("784-256-128-10")
    var rng = SeededGenerator(seed: 3)
    let labels = (0..<batchSize).map { Int32($0 % 10) }
    let x = batch(batchSize, 784)
    let output = mlp.forward(x, mode: .training, rng: &rng)
    #expect(output.shape == [batchSize, 10] && output.isFinite)
    let loss = step(mlp, x, labels, rng: &rng)
    #expect(loss.isFinite && loss > 0)
    for parameter in mlp.parameters {
      #expect(parameter.gradient.shape == parameter.value.shape, "\(parameter.name)")
      #expect(parameter.gradient.isFinite && parameter.gradient.sumOfSquares() > 0, "\(parameter.name)")
    }
  }

  /// The model's parameter gradients equal finite differences of its loss (tanh + batch norm, smooth).
  @Test func backwardMatchesFiniteDifferences() throws {
    let mlp = try model("4-6-3 tanh bn")
    let x = GradientCheck.randomTensor([5, 4], seed: 4)
    let labels: [Int32] = [0, 1, 2, 1, 0]
    let lossValue = { () -> Double in
      var rng = SeededGenerator(seed: 0)
      var scratch = Tensor(shape: [0])
      return SoftmaxCrossEntropy().evaluate(
        mlp.forward(x, mode: .training, rng: &rng), .classes(labels), gradient: &scratch)
    }
    var rng = SeededGenerator(seed: 0)
    step(mlp, x, labels, rng: &rng)
    for parameter in mlp.parameters {
      for i in 0..<parameter.value.count {
        let original = parameter.value.storage[i]
        parameter.value.storage[i] = original + 1e-2
        let high = lossValue()
        parameter.value.storage[i] = original - 1e-2
        let low = lossValue()
        parameter.value.storage[i] = original
        let numeric = (high - low) / (Double(original + 1e-2) - Double(original - 1e-2))
        let error = GradientCheck.error(Double(parameter.gradient.storage[i]), numeric, floor: 0.1)
        #expect(error < 1e-2, "\(parameter.name)[\(i)]")
      }
    }
  }

  /// A second step at the same batch size reuses every activation, gradient and parameter-gradient buffer.
  @Test func reusesBuffers() throws {
    let mlp = try model("20-16-8-4 elu bn dropout 0.2")
    var rng = SeededGenerator(seed: 5)
    let x = batch(32, 20)
    let labels = (0..<32).map { Int32($0 % 4) }
    step(mlp, x, labels, rng: &rng)
    let before = addresses(mlp)
    step(mlp, x, labels, rng: &rng)
    #expect(addresses(mlp) == before)
    #expect(!before.contains(nil))
  }

  private func addresses(_ model: Sequential) -> [UnsafePointer<Float>?] {
    let tensors = model.activations + model.activationGradients.dropFirst() + model.parameters.map(\.gradient)
    return tensors.map { $0.storage.withUnsafeBufferPointer { $0.baseAddress } }
  }

  /// Evaluation mode: dropout off, batch norm on running statistics, so repeated calls agree.
  @Test func evaluationIsDeterministic() throws {
    let mlp = try model("10-8-3 relu bn dropout 0.5")
    var rng = SeededGenerator(seed: 6)
    let x = batch(4, 10)
    step(mlp, x, [0, 1, 2, 0], rng: &rng)
    let first = mlp.forward(x, mode: .evaluation, rng: &rng).storage
    let second = mlp.forward(x, mode: .evaluation, rng: &rng).storage
    #expect(first == second)
    let training = mlp.forward(x, mode: .training, rng: &rng).storage
    #expect(training != first)
  }

  @Test func stateRoundTrip() throws {
    let source = try model("6-5-3 relu bn", seed: 1)
    var rng = SeededGenerator(seed: 7)
    step(source, batch(8, 6), [0, 1, 2, 0, 1, 2, 0, 1], rng: &rng)  // moves the running statistics
    let state = source.stateTensors()
    #expect(state.count == 4 + 2 + 3)
    #expect(state["layers.1.num_batches_tracked"]?.storage == [1])
    let target = try model("6-5-3 relu bn", seed: 99)
    #expect(target.stateTensors() != state)
    try target.loadState(from: state)
    #expect(target.stateTensors() == state)
    let x = batch(3, 6, seed: 8)
    let expected = source.forward(x, mode: .evaluation, rng: &rng).storage
    #expect(target.forward(x, mode: .evaluation, rng: &rng).storage == expected)
  }

  @Test func loadStateRejectsMissingAndMisshapenTensors() throws {
    let mlp = try model("6-5-3")
    var state = mlp.stateTensors()
    state["layers.2.bias"] = nil
    #expect(throws: ModelStateError.missing("layers.2.bias")) { try mlp.loadState(from: state) }
    state = mlp.stateTensors()
    state["layers.0.weight"] = Tensor(shape: [6, 5])
    #expect(throws: ModelStateError.shapeMismatch(name: "layers.0.weight", expected: [5, 6], found: [6, 5])) {
      try mlp.loadState(from: state)
    }
  }

  /// Per-layer norms name parameterised layers by kind, count and size; their squares add up to the global norm².
  @Test func layerGradientNorms() throws {
    let mlp = try model("6-5-4-3 relu bn")
    var rng = SeededGenerator(seed: 9)
    step(mlp, batch(8, 6), [0, 1, 2, 0, 1, 2, 0, 1], rng: &rng)
    let norms = mlp.layerGradientNorms()
    #expect(norms.map(\.name) == ["dense1 5", "bn1 5", "dense2 4", "bn2 4", "dense3 3"])
    let dense0 = try #require(mlp.layers[0] as? Dense)
    let expected = (dense0.weight.gradient.sumOfSquares() + dense0.bias.gradient.sumOfSquares()).squareRoot()
    #expect(abs(norms[0].norm - expected) < 1e-12)
    let total = norms.reduce(0) { $0 + $1.norm * $1.norm }.squareRoot()
    #expect(abs(total - globalGradientNorm(mlp.parameters)) < 1e-9)
  }

  @Test func summary() throws {
    let text = try model("784-256-10").summary
    #expect(
      text == """
        layers.0  dense 784→256  200960
        layers.1  relu
        layers.2  dense 256→10   2570
        total 203530 parameters
        """)
  }

  /// Hand-built models accept any layers, including Flatten and Softmax.
  @Test func handBuiltModel() {
    let mlp = Sequential(layers: [Flatten(), Dense(inputs: 12, outputs: 3), Softmax()], inputShape: [12])
    var rng = SeededGenerator(seed: 0)
    let out = mlp.forward(Tensor(shape: [2, 3, 2, 2], repeating: 1), mode: .evaluation, rng: &rng)
    #expect(out.shape == [2, 3])
    #expect(out.storage.allSatisfy { abs($0 - 1.0 / 3) < 1e-6 })  // zero weights: uniform softmax
    #expect(mlp.parameters.map(\.name) == ["layers.1.weight", "layers.1.bias"])
  }
}

@Suite struct SequentialGradientGroupTests {
  /// Per-layer sums of squared gradients: one entry per parameterised layer, totalling the global norm².
  @Test func layerSquaresSumToGlobalNorm() {
    var rng = SeededGenerator(seed: 5)
    let model = Sequential(spec: ModelSpec(sizes: [6, 5, 4, 3]), rng: &rng)
    let input = Tensor(shape: [7, 6], storage: (0..<42).map { _ in rng.nextUniform() - 0.5 })
    let output = model.forward(input, mode: .training, rng: &rng)
    var gradient = Tensor(shape: [0, 0])
    _ = SoftmaxCrossEntropy().evaluate(output, .classes([0, 1, 2, 0, 1, 2, 0]), gradient: &gradient)
    model.backward(lossGradient: gradient)
    var sums: [Double] = []
    model.layerGradientSquaredSums(into: &sums)
    #expect(model.parameterGroups.map(\.name) == ["dense1 5", "dense2 4", "dense3 3"])
    #expect(sums.count == 3)
    let global = globalGradientNorm(model.parameters)
    #expect(abs(sums.reduce(0, +).squareRoot() - global) <= 1e-9 * global)
    for (index, group) in model.parameterGroups.enumerated() {
      let direct = globalGradientNorm(Array(model.parameters[group.range]))
      #expect(abs(sums[index].squareRoot() - direct) <= 1e-12 * max(1, direct))
    }
  }
}
