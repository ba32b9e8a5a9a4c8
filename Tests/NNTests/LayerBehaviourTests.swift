import NN
import Tensor
import TestSupport
import Testing

/// Behaviour the oracles do not pin down: dropout statistics, edge cases, extreme inputs.
@Suite struct LayerBehaviourTests {
  private func run(
    _ layer: any Layer, _ input: Tensor, mode: LayerMode = .training, seed: UInt64 = 0
  ) -> Tensor {
    var output = Tensor(shape: [0])
    var rng = SeededGenerator(seed: seed)
    layer.forward(input, into: &output, mode: mode, rng: &rng)
    return output
  }

  /// Keep probability 1 − p = 0.7 over 100 000 draws (σ ≈ 0.0015), kept values scaled by 1/0.7.
  @Test func dropoutStatistics() {
    let layer = Dropout(rate: 0.3)
    let input = Tensor(shape: [100, 1000], repeating: 2)
    let output = run(layer, input)
    let kept = output.storage.filter { $0 != 0 }
    #expect(abs(Double(kept.count) / 100_000 - 0.7) < 0.01)
    #expect(kept.allSatisfy { abs($0 - 2 / 0.7) < 1e-5 })
    #expect(abs(output.sum() / 100_000 - 2) < 0.03)  // inverted dropout keeps the mean
    #expect(layer.mask.storage.map { $0 != 0 } == output.storage.map { $0 != 0 })
  }

  /// The same generator state gives the same mask; backward uses the mask of the last forward.
  @Test func dropoutMaskFollowsTheGenerator() {
    let layer = Dropout(rate: 0.5)
    let input = GradientCheck.randomTensor([8, 8], seed: 1, awayFromZero: 0.01)
    let a = run(layer, input, seed: 4)
    let b = run(layer, input, seed: 4)
    let c = run(layer, input, seed: 5)
    #expect(a == b && a != c)
    var gradInput = Tensor(shape: [0])
    let ones = Tensor(shape: [8, 8], repeating: 1)
    layer.backward(input: input, output: c, gradOutput: ones, gradInput: &gradInput, computeInputGradient: true)
    #expect(gradInput.storage == c.storage.map { $0 == 0 ? 0 : 2 })
  }

  @Test func dropoutIsIdentityInEvaluation() {
    let input = GradientCheck.randomTensor([3, 4], seed: 2)
    #expect(run(Dropout(rate: 0.9), input, mode: .evaluation) == input)
    #expect(run(Dropout(rate: 0), input) == input)
  }

  /// A training batch of one row has no variance: it is normalised with the running statistics,
  /// which stay unchanged (PyTorch raises an error instead).
  @Test func batchNormSingleRowInTraining() {
    let layer = BatchNorm(features: 3)
    layer.runningMean.value = Tensor([1, 2, 3])
    layer.runningVariance.value = Tensor([4, 1, 0.25])
    let output = run(layer, Tensor(shape: [1, 3], storage: [3, 2, 2]))
    let expected: [Double] = [2 / (4 + 1e-5).squareRoot(), 0, -1 / (0.25 + 1e-5).squareRoot()]
    expectClose(output.storage.map(Double.init), expected, "x̂ with running statistics")
    #expect(layer.runningMean.value.storage == [1, 2, 3])
    #expect(layer.runningVariance.value.storage == [4, 1, 0.25])
    #expect(layer.numBatchesTracked == 0)
  }

  /// In training the output of each feature has mean β and (biased) variance γ²·σ²/(σ² + ε).
  @Test func batchNormNormalises() {
    let layer = BatchNorm(features: 4)
    layer.weight.value = Tensor([2, 1, 1, 0.5])
    layer.bias.value = Tensor([0, 1, -1, 3])
    let input = GradientCheck.randomTensor([64, 4], seed: 3, range: -5...9)
    let output = run(layer, input)
    for j in 0..<4 {
      let column = (0..<64).map { Double(output[$0, j]) }
      let mean = column.reduce(0, +) / 64
      let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 64
      #expect(abs(mean - Double(layer.bias.value.storage[j])) < 1e-5)
      let gamma = Double(layer.weight.value.storage[j])
      #expect(abs(variance - gamma * gamma) < 1e-3)
    }
  }

  /// No overflow or NaN for logits of ±1e4 (Float32 exp overflows above ≈ 88.7).
  @Test func extremeInputsStayFinite() {
    let input = Tensor(shape: [1, 4], storage: [-1e4, -100, 100, 1e4])
    let sigmoid = run(Sigmoid(), input).storage
    #expect(sigmoid[0] == 0 && sigmoid[1] > 0 && sigmoid[1] < 1e-30 && sigmoid[2] == 1 && sigmoid[3] == 1)
    #expect(run(Softmax(), input).storage == [0, 0, 0, 1])
    #expect(run(Tanh(), input).storage == [-1, -1, 1, 1])
    #expect(run(ELU(), input).storage == [-1, -1, 100, 1e4])
  }

  /// Derivatives at exactly 0 (oracle README): ReLU 0, LeakyReLU α, PReLU α, ELU α.
  @Test func derivativesAtZero() {
    let zero = Tensor(shape: [1, 1], storage: [0])
    let one = Tensor(shape: [1, 1], storage: [1])
    let cases: [(any Layer, Float)] = [
      (ReLU(), 0), (LeakyReLU(alpha: 0.01), 0.01), (PReLU(), 0.25), (ELU(alpha: 2), 2),
    ]
    for (layer, expected) in cases {
      let output = run(layer, zero)
      var gradInput = Tensor(shape: [0])
      layer.backward(input: zero, output: output, gradOutput: one, gradInput: &gradInput, computeInputGradient: true)
      #expect(gradInput.storage == [expected], "\(layer.summary)")
    }
  }

  /// `computeInputGradient: false` leaves the input-gradient buffer alone but still writes parameter gradients.
  @Test func skipsInputGradientWhenAsked() {
    let layer = Dense(inputs: 2, outputs: 2)
    layer.weight.value = Tensor(shape: [2, 2], storage: [1, 2, 3, 4])
    let input = Tensor(shape: [1, 2], storage: [1, -1])
    let output = run(layer, input)
    #expect(output.storage == [-1, -1])
    var gradInput = Tensor(shape: [1, 2], storage: [7, 7])
    layer.backward(
      input: input, output: output, gradOutput: Tensor(shape: [1, 2], storage: [1, 0.5]),
      gradInput: &gradInput, computeInputGradient: false)
    #expect(gradInput.storage == [7, 7])
    #expect(layer.weight.gradient.storage == [1, -1, 0.5, -0.5])  // gᵀ·x
    #expect(layer.bias.gradient.storage == [1, 0.5])
  }

  @Test func activationKinds() {
    let summaries = ActivationKind.allCases.map { $0.makeLayer().summary }
    #expect(summaries == ["relu", "leaky_relu 0.01", "prelu", "elu", "sigmoid", "tanh"])
    #expect(ActivationKind(rawValue: "leaky_relu") == .leakyRelu)
    #expect(ActivationKind.prelu.makeLayer().parameters.map(\.value.storage) == [[0.25]])
  }

  /// Class-id targets for MSE and BCE are one-hot rows (a single column takes the 0/1 id itself).
  @Test func classTargetsForElementwiseLosses() {
    let output = Tensor(shape: [2, 2], storage: [0.5, 0, 0, 1])
    var gradient = Tensor(shape: [0])
    // ((0.5 − 1)² + 0 + 0 + 0) / 4 = 0.0625
    #expect(MeanSquaredError().evaluate(output, .classes([0, 1]), gradient: &gradient) == 0.0625)
    #expect(gradient.storage == [-0.25, 0, 0, 0])
    let single = Tensor(shape: [2, 1], storage: [0, 0])
    // log 2 per element whatever the label; gradient (0.5 − y)/2
    let value = BinaryCrossEntropyWithLogits().evaluate(single, .classes([1, 0]), gradient: &gradient)
    #expect(abs(value - 0.6931471805599453) < 1e-12)
    #expect(gradient.storage == [-0.25, 0.25])
  }
}
