import NN
import Tensor
import Testing

/// Every layer against `layers.json` (PyTorch 2.15, float64, seed 1; README §2): outputs,
/// dL/d(input) for the given upstream gradient, and dL/d(parameter).
@Suite struct LayerOracleTests {
  /// The layer PyTorch built for entry `name`, with the entry's parameter values loaded.
  private func makeLayer(_ entry: LayerOracle.Entry) throws -> any Layer {
    let layer: any Layer
    switch entry.name {
    case "linear": layer = Dense(inputs: 5, outputs: 3)  // Linear(in_features=5, out_features=3)
    case "relu": layer = ReLU()
    case "leaky_relu": layer = LeakyReLU(alpha: 0.01)  // LeakyReLU(negative_slope=0.01)
    case "elu": layer = ELU(alpha: 1)
    case "sigmoid": layer = Sigmoid()
    case "tanh": layer = Tanh()
    case "softmax": layer = Softmax()  // Softmax(dim=1)
    case "prelu": layer = PReLU(initialSlope: 0.25)  // PReLU(num_parameters=1, init=0.25)
    default: throw OracleError.unexpectedEntry(entry.name)
    }
    let params = entry.params ?? [:]
    #expect(Set(params.keys) == Set(layer.parameters.map(\.name)), "\(entry.name): parameter names")
    for parameter in layer.parameters {
      let value = try #require(params[parameter.name])
      #expect(value.shape == parameter.value.shape, "\(entry.name).\(parameter.name): shape")
      parameter.value = value.tensor
    }
    return layer
  }

  /// Forward, backward and parameter gradients of one entry.
  @Test(arguments: ["linear", "relu", "leaky_relu", "elu", "sigmoid", "tanh", "softmax", "prelu"])
  func matchesPyTorch(name: String) throws {
    let entry = try #require(try LayerOracle.load().entry(name))
    let layer = try makeLayer(entry)
    let input = try #require(entry.input).tensor
    var output = Tensor(shape: [0])
    var rng = SeededGenerator(seed: 0)
    layer.forward(input, into: &output, mode: .training, rng: &rng)
    expectClose(output, try #require(entry.output), "\(name) output")

    var gradInput = Tensor(shape: [0])
    layer.backward(
      input: input, output: output, gradOutput: try #require(entry.upstreamGrad).tensor,
      gradInput: &gradInput, computeInputGradient: true)
    expectClose(gradInput, try #require(entry.gradInput), "\(name) grad_input")
    let gradParams = entry.gradParams ?? [:]
    #expect(gradParams.count == layer.parameters.count)
    for parameter in layer.parameters {
      expectClose(parameter.gradient, try #require(gradParams[parameter.name]), "\(name) d\(parameter.name)")
    }
  }

  /// Every entry of "layers" is covered by a test here (dropout and batchnorm1d have their own).
  @Test func everyEntryIsCovered() throws {
    let names = try LayerOracle.load().layers.map(\.name)
    #expect(
      names == [
        "linear", "relu", "leaky_relu", "elu", "sigmoid", "tanh", "softmax", "prelu", "batchnorm1d", "dropout",
      ])
  }

  /// BatchNorm1d(5): two training passes then one evaluation pass, with running statistics and batch count.
  @Test func batchNormPasses() throws {
    let entry = try #require(try LayerOracle.load().entry("batchnorm1d"))
    let initial = try #require(entry.initial)
    let layer = BatchNorm(features: 5, momentum: 0.1, epsilon: 1e-5)  // as the oracle's module
    layer.weight.value = initial.weight.tensor
    layer.bias.value = initial.bias.tensor
    expectClose(layer.runningMean.value, initial.runningMean, "initial running_mean")  // 0
    expectClose(layer.runningVariance.value, initial.runningVar, "initial running_var")  // 1
    #expect(layer.numBatchesTracked == initial.numBatchesTracked)
    let passes = try #require(entry.passes)
    #expect(passes.map(\.mode) == ["train", "train", "eval"])
    for (index, pass) in passes.enumerated() {
      let what = "batchnorm pass \(index + 1) (\(pass.mode))"
      var output = Tensor(shape: [0])
      var gradInput = Tensor(shape: [0])
      var rng = SeededGenerator(seed: 0)
      let input = pass.input.tensor
      layer.forward(input, into: &output, mode: pass.mode == "train" ? .training : .evaluation, rng: &rng)
      expectClose(output, pass.output, "\(what) output")
      layer.backward(
        input: input, output: output, gradOutput: pass.upstreamGrad.tensor,
        gradInput: &gradInput, computeInputGradient: true)
      // README: 1e-4 for BatchNorm gradients.
      expectClose(gradInput, pass.gradInput, tolerance: 1e-4, "\(what) grad_input")
      expectClose(layer.weight.gradient, try #require(pass.gradParams["weight"]), tolerance: 1e-4, "\(what) dγ")
      expectClose(layer.bias.gradient, try #require(pass.gradParams["bias"]), tolerance: 1e-4, "\(what) dβ")
      expectClose(layer.runningMean.value.storage.map(Double.init), pass.runningMeanAfter, "\(what) running_mean")
      expectClose(layer.runningVariance.value.storage.map(Double.init), pass.runningVarAfter, "\(what) running_var")
      #expect(layer.numBatchesTracked == pass.numBatchesTrackedAfter, "\(what) num_batches_tracked")
    }
  }

  /// Dropout(p = 0.5) applied with the oracle's given mask (PyTorch's own mask is not reproducible).
  @Test func dropoutWithGivenMask() throws {
    let entry = try #require(try LayerOracle.load().entry("dropout"))
    let layer = Dropout(rate: try #require(entry.p))
    let input = try #require(entry.input).tensor
    var output = Tensor(shape: [0])
    var gradInput = Tensor(shape: [0])
    layer.forward(input, into: &output, keepMask: try #require(entry.mask).tensor)
    expectClose(output, try #require(entry.outputTrainWithMask), "dropout train output")
    let upstream = try #require(entry.upstreamGrad).tensor
    layer.backward(
      input: input, output: output, gradOutput: upstream, gradInput: &gradInput, computeInputGradient: true)
    expectClose(gradInput, try #require(entry.gradInputTrainWithMask), "dropout train grad_input")

    var rng = SeededGenerator(seed: 0)
    layer.forward(input, into: &output, mode: .evaluation, rng: &rng)
    expectClose(output, try #require(entry.outputEval), "dropout eval output")
    layer.backward(
      input: input, output: output, gradOutput: upstream, gradInput: &gradInput, computeInputGradient: true)
    #expect(gradInput == upstream)  // evaluation: identity
  }

  /// Flatten [2, 3, 2, 2] → [2, 12] (extras "flatten"); the gradient returns to the input's shape.
  @Test func flatten() throws {
    let extra = try #require(try LayerOracle.load().extras.first { $0.name == "flatten" })
    let layer = Flatten()
    let input = extra.input.tensor
    var output = Tensor(shape: [0])
    var gradInput = Tensor(shape: [0])
    var rng = SeededGenerator(seed: 0)
    layer.forward(input, into: &output, mode: .training, rng: &rng)
    expectClose(output, extra.output, "flatten output")
    layer.backward(input: input, output: output, gradOutput: output, gradInput: &gradInput, computeInputGradient: true)
    #expect(gradInput == input)
  }
}

/// An oracle entry the tests do not know how to build.
enum OracleError: Error {
  case unexpectedEntry(String)
}
