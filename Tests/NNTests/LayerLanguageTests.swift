import Foundation
import NN
import Tensor
import Testing

/// The model language for layer stacks: tokens, shapes and their errors, named models.
@Suite struct LayerLanguageTests {
  /// The PyTorch peer of issue 11, as the language writes it.
  static let peer = "conv16k3p1-relu-maxpool2-conv32k3p1-relu-maxpool2-flatten-dense10"

  @Test func parsesEveryToken() throws {
    let text = "conv8k5s2p2-bn-leaky_relu-dropout2d0.1-maxpool3s2p1-avgpool2-gap-dropout0.25-flatten-dense"
    let spec = try ModelSpec(parsing: text)
    #expect(
      spec.layers == [
        .conv(filters: 8, kernel: 5, stride: 2, padding: 2), .batchNorm, .activation(.leakyRelu),
        .spatialDropout(0.1), .pool(.max, kernel: 3, stride: 2, padding: 1),
        .pool(.average, kernel: 2, stride: 2, padding: 0), .globalAveragePool, .dropout(0.25), .flatten, .dense(nil),
      ])
    #expect(spec.description == text)
  }

  /// Shapes through the peer on MNIST: 16×28×28, pooled to 14, 32×14×14, pooled to 7, 1568, 10;
  /// 20,490 parameters (PyTorch: 16·9+16 + 32·16·9+32 + 1568·10+10).
  @Test func peerShapesAndParameters() throws {
    var spec = try ModelSpec(parsing: Self.peer)
    spec.inputShape = [1, 28, 28]
    let shapes = try spec.shapes()
    #expect(
      shapes == [
        [1, 28, 28], [16, 28, 28], [16, 28, 28], [16, 14, 14], [32, 14, 14], [32, 14, 14], [32, 7, 7], [1568], [10],
      ])
    #expect(try spec.parameterCount() == 20_490)
    var rng = SeededGenerator(seed: 1)
    let model = Sequential(spec: spec, rng: &rng)
    #expect(model.parameterCount == 20_490)
    #expect(model.parameters.map(\.name).first == "layers.0.weight")
    #expect(model.parameters[0].value.shape == [16, 1, 3, 3])  // PyTorch's [out, in, kH, kW]
    #expect(model.outputFeatures == 10 && model.inputFeatures == 784)
    // The gradient pane's readable names: kind, its count, filters × kernel (or outputs, channels).
    #expect(model.parameterGroups.map(\.name) == ["conv1 16×3×3", "conv2 32×3×3", "dense1 10"])
  }

  /// A model built from the language runs forward and backward on a flat batch.
  @Test func trainsAStep() throws {
    var spec = try ModelSpec(parsing: "conv4k3p1-bn-relu-maxpool2-conv6k3-relu-gap-flatten-dense3")
    spec.inputShape = [1, 8, 8]
    var rng = SeededGenerator(seed: 2)
    let model = Sequential(spec: spec, rng: &rng)
    var input = Tensor(shape: [5, 64])
    for i in 0..<input.count { input.storage[i] = Float(i % 13) / 13 }
    let output = model.forward(input, mode: .training, rng: &rng)
    #expect(output.shape == [5, 3])
    model.backward(lossGradient: Tensor(shape: [5, 3], repeating: 0.1))
    #expect(model.parameters.allSatisfy { $0.gradient.count == $0.value.count })
    #expect(model.parameters[0].gradient.sumOfSquares() > 0)
    #expect(model.parameterGroups.map(\.name) == ["conv1 4×3×3", "bn1 4", "conv2 6×3×3", "dense1 3"])
  }

  @Test(arguments: [
    // 18 → 16 → 8 → 6 → 3 (the example of issue 11)
    (
      "conv16k3-maxpool2-conv16k3-relu-maxpool2-conv32k5-flatten-dense10", [1, 18, 18],
      "conv32k5 needs at least 5×5 input, has 3×3 after maxpool2 (layer 6)"
    ),
    (
      "conv8k3-relu-dense10", [1, 8, 8],
      "dense10 needs a flat input, has 8×6×6 after relu (layer 3): add flatten before it"
    ),
    (
      "conv8k3-flatten-dense10", [64],
      "conv8k3 needs an image input [channels, height, width], has 64 features at the input (layer 1); "
        + "image data or --input-shape gives one"
    ),
    ("conv8k3-relu", [1, 8, 8], "the model must end flat (e.g. flatten-dense10), ends with 8×6×6"),
    ("maxpool3-flatten-dense2", [1, 2, 2], "maxpool3 needs at least 3×3 input, has 2×2 at the input (layer 1)"),
    (
      "conv8k3-flatten-dropout2d0.2-dense2", [1, 4, 4],
      "dropout2d0.2 needs an image input [channels, height, width], has 32 features after flatten (layer 3)"
    ),
  ])
  func shapeErrors(text: String, input: [Int], message: String) throws {
    var spec = try ModelSpec(parsing: text)
    spec.inputShape = input
    #expect(throws: ModelSpecError.badShape(message)) { try spec.validate() }
  }

  @Test(arguments: [
    ("conv16k3-relu-flaten-dense10", ModelSpecError.unknownLayer("flaten")),
    ("conv16-relu", .badLayer("conv16", "expected conv<filters>k<kernel>[s<stride>][p<padding>], e.g. conv16k3p1")),
    (
      "conv16k3p1s2",
      .badLayer("conv16k3p1s2", "expected conv<filters>k<kernel>[s<stride>][p<padding>], e.g. conv16k3p1")
    ),
    (
      "conv0k3",
      .badLayer(
        "conv0k3",
        "expected conv<filters>k<kernel>[s<stride>][p<padding>], e.g. conv16k3p1; "
          + "filters 1…65536, kernel, stride and padding ≤ 64"
      )
    ),
    (
      "maxpool2p2",
      .badLayer(
        "maxpool2p2",
        "expected maxpool<kernel>[s<stride>][p<padding>], e.g. maxpool2; "
          + "kernel and stride 1…64, padding at most half the kernel"
      )
    ),
    ("dropout1.5", .badLayer("dropout1.5", "expected dropout<rate> with a rate in [0, 1), e.g. dropout0.25")),
    ("dropout2d1", .badLayer("dropout2d1", "expected dropout2d<rate> with a rate in [0, 1), e.g. dropout2d0.2")),
    (
      "dense99999999999999999999",
      .badLayer("dense99999999999999999999", "expected dense<outputs> with 1…65536 outputs, e.g. dense10")
    ),
    ("conv8k3--dense2", .badLayer("conv8k3--dense2", "an empty token: layers are joined by single '-'")),
  ])
  func tokenErrors(text: String, error: ModelSpecError) {
    #expect(throws: error) { try ModelSpec(parsing: text) }
  }

  /// A stack round-trips through JSON as its text and input shape.
  @Test func codableRoundTrip() throws {
    var spec = try ModelSpec(parsing: Self.peer)
    spec.inputShape = [1, 28, 28]
    let data = try JSONEncoder().encode(spec)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["layers"] as? String == Self.peer)
    #expect(try JSONDecoder().decode(ModelSpec.self, from: data) == spec)
    let bad = Data(#"{"layers": "conv8k3-flaten"}"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(ModelSpec.self, from: bad) }
  }

  /// vgg-bn's parameters on MNIST, layer by layer.
  static let vggBnParameters: Double = {
    let convolutions = 160 + 32 + 2_320 + 32 + 4_640 + 64 + 9_248 + 64
    let head = 1_568 * 128 + 128 + 256 + 1_290
    return Double(convolutions + head)
  }()

  /// Named models on MNIST's 1×28×28 with 10 classes; counts as PyTorch's `sum(p.numel())`.
  @Test(arguments: [
    (NamedModel.cnnSmall, 20_490.0 as Double),
    // LeNet-5: 6·25+6 + 16·6·25+16 + 400·120+120 + 120·84+84 + 84·10+10
    (.lenet5, 61_706 as Double),
    // vgg-bn: conv, bn, conv, bn (16 filters), conv, bn, conv, bn (32), dense128, bn, dense10
    (.vggBn, vggBnParameters),
  ])
  func namedModels(model: NamedModel, parameters: Double) throws {
    var layers = try #require(model.layers)
    #expect(layers.last == .dense(nil))
    layers[layers.count - 1] = .dense(10)
    let spec = ModelSpec(layers: layers, inputShape: [1, 28, 28])
    #expect(try spec.parameterCount() == parameters)
    #expect(NamedModel.mlp.layers == nil)
  }
}

/// A ReLU before a max pooling runs after it: the same outputs and gradients, bit for bit.
@Suite struct ExecutionOrderTests {
  @Test func reluBeforeMaxPoolingMovesAfterIt() throws {
    let stack = try ModelSpec(parsing: "conv4k3p1-relu-maxpool2-relu-relu-maxpool2-relu-avgpool2-flatten-dense3").layers
    let order = LayerSpec.executionOrder(try #require(stack))
    #expect(
      order.map(\.description) == [
        "conv4k3p1", "maxpool2", "relu", "relu", "maxpool2", "relu", "relu", "avgpool2", "flatten", "dense3",
      ])
  }

  @Test func commutedModelMatchesTheWrittenOneBitForBit() throws {
    var spec = try ModelSpec(parsing: "conv6k3p1-relu-maxpool2-conv4k3-relu-maxpool2-flatten-dense5")
    spec.inputShape = [2, 12, 12]
    var rng = SeededGenerator(seed: 8)
    let running = Sequential(spec: spec, rng: &rng)
    #expect(running.layers.map(\.summary)[1...2] == ["maxpool 2", "relu"])
    // The same stack built as written, from the same draws.
    rng = SeededGenerator(seed: 8)
    let written = Sequential(spec: spec, rng: &rng, reordered: false)
    #expect(written.layers.map(\.summary)[1...2] == ["relu", "maxpool 2"])
    // Inputs on a coarse grid around zero: many negative windows and many ties.
    var input = Tensor(shape: [3, 288])
    for i in 0..<input.count { input.storage[i] = Float((i * 7919) % 9) / 4 - 1 }
    var a = SeededGenerator(seed: 1)
    var b = SeededGenerator(seed: 1)
    let outputRunning = running.forward(input, mode: .training, rng: &a)
    let outputWritten = written.forward(input, mode: .training, rng: &b)
    #expect(outputRunning == outputWritten)
    var gradient = Tensor(shape: [3, 5])
    for i in 0..<gradient.count { gradient.storage[i] = Float(i % 7) - 3 }
    running.backward(lossGradient: gradient)
    written.backward(lossGradient: gradient)
    for (p, q) in zip(running.parameters, written.parameters) {
      #expect(p.name == q.name)
      #expect(p.gradient == q.gradient, "\(p.name)")
      #expect(p.gradient.sumOfSquares() > 0, "\(p.name)")
    }
  }
}
