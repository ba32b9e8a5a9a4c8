import NN
import Tensor
import Testing

/// Convolution, pooling, BatchNorm2d and the whole peer CNN against `cnn.json` (PyTorch 2.15,
/// float64, seed 11; `Tests/Fixtures/oracles/generate_cnn.py`).
@Suite struct CNNOracleTests {
  /// The layer for a case, geometry as `generate_cnn.py` built it.
  private func layer(_ c: CNNOracle.Case) throws -> any Layer {
    let s = c.input.shape
    func window(out: Int? = nil, kernel: Int, stride: Int, padding: Int = 0) -> Window2D {
      Window2D(
        batch: 1, channels: s[1], height: s[2], width: s[3], outChannels: out, kernelHeight: kernel,
        kernelWidth: kernel, stride: stride, padding: padding)
    }
    switch c.name {
    case "conv2d_stride2_pad1": return Conv2d(window: window(out: 4, kernel: 3, stride: 2, padding: 1))
    case "maxpool2d_k3s2p1": return Pool2d(window: window(kernel: 3, stride: 2, padding: 1), kind: .max)
    case "avgpool2d": return Pool2d(window: window(kernel: 2, stride: 2), kind: .average)
    case "avgpool2d_k3s2p1": return Pool2d(window: window(kernel: 3, stride: 2, padding: 1), kind: .average)
    case "global_avgpool":
      let whole = Window2D(batch: 1, channels: s[1], height: s[2], width: s[3], kernelHeight: s[2], kernelWidth: s[3])
      return Pool2d(window: whole, kind: .average, isGlobal: true)
    default: throw OracleError.unexpectedEntry(c.name)
    }
  }

  @Test(arguments: ["conv2d_stride2_pad1", "maxpool2d_k3s2p1", "avgpool2d", "avgpool2d_k3s2p1", "global_avgpool"])
  func layerMatchesPyTorch(name: String) throws {
    let c = try #require(try CNNOracle.load().layers.first { $0.name == name })
    let layer = try layer(c)
    #expect(Set(c.params.keys) == Set(layer.parameters.map(\.name)))
    for parameter in layer.parameters { parameter.value = try #require(c.params[parameter.name]).tensor }
    let input = c.input.tensor
    var output = Tensor(shape: [0])
    var rng = SeededGenerator(seed: 0)
    layer.forward(input, into: &output, mode: .training, rng: &rng)
    expectClose(output, c.output, "\(name) output")
    var gradInput = Tensor(shape: [0])
    layer.backward(
      input: input, output: output, gradOutput: c.upstreamGrad.tensor, gradInput: &gradInput,
      computeInputGradient: true)
    expectClose(gradInput, c.gradInput, "\(name) grad_input")
    for parameter in layer.parameters {
      expectClose(parameter.gradient, try #require(c.gradParams[parameter.name]), "\(name) d\(parameter.name)")
    }
  }

  /// BatchNorm2d(3) over [2, 3, 4, 5]: statistics over 40 values per channel; running variance
  /// unbiased (·40/39); evaluation uses the running statistics.
  @Test func batchNorm2d() throws {
    let oracle = try CNNOracle.load().batchnorm2d
    let layer = BatchNorm(features: 3, spatialSize: 20)
    layer.weight.value = try #require(oracle.initial["weight"]).tensor
    layer.bias.value = try #require(oracle.initial["bias"]).tensor
    var rng = SeededGenerator(seed: 0)
    for (index, pass) in oracle.passes.enumerated() {
      let what = "pass \(index + 1) (\(pass.mode))"
      var output = Tensor(shape: [0])
      var gradInput = Tensor(shape: [0])
      let input = pass.input.tensor
      layer.forward(input, into: &output, mode: pass.mode == "train" ? .training : .evaluation, rng: &rng)
      expectClose(output, pass.output, tolerance: 1e-4, "\(what) output")
      layer.backward(
        input: input, output: output, gradOutput: pass.upstreamGrad.tensor, gradInput: &gradInput,
        computeInputGradient: true)
      expectClose(gradInput, pass.gradInput, tolerance: 1e-4, "\(what) grad_input")
      expectClose(layer.weight.gradient, try #require(pass.gradParams["weight"]), tolerance: 1e-4, "\(what) dweight")
      expectClose(layer.bias.gradient, try #require(pass.gradParams["bias"]), tolerance: 1e-4, "\(what) dbias")
      expectClose(layer.runningMean.value, pass.runningMeanAfter, "\(what) running_mean")
      expectClose(layer.runningVariance.value, pass.runningVarAfter, "\(what) running_var")
      #expect(layer.numBatchesTracked == pass.numBatchesTrackedAfter)
    }
  }

  /// The peer CNN built from the model language, with PyTorch's weights (`0.weight` is our
  /// `layers.0.weight`): logits, mean cross-entropy and every parameter gradient.
  @Test func peerCNN() throws {
    let peer = try CNNOracle.load().peerCnn
    var spec = try ModelSpec(parsing: "conv16k3p1-relu-maxpool2-conv32k3p1-relu-maxpool2-flatten-dense10")
    spec.inputShape = [1, 28, 28]
    var rng = SeededGenerator(seed: 0)
    let model = Sequential(spec: spec, rng: &rng)
    var state: [String: Tensor] = [:]
    for (name, tensor) in peer.params { state["layers." + name] = tensor.tensor }
    try model.loadState(from: state)
    let input = peer.input.tensor
    let logits = model.forward(input, mode: .training, rng: &rng)
    expectClose(logits, peer.logits, tolerance: 1e-4, "logits")
    var gradient = Tensor(shape: [0])
    let loss = SoftmaxCrossEntropy().evaluate(logits, .classes(peer.labels), gradient: &gradient)
    #expect(abs(loss - peer.loss) < 1e-5, "loss \(loss) vs \(peer.loss)")
    model.backward(lossGradient: gradient)
    for parameter in model.parameters {
      let name = String(parameter.name.dropFirst("layers.".count))
      expectClose(parameter.gradient, try #require(peer.gradParams[name]), tolerance: 1e-4, "d\(name)")
    }
  }
}
