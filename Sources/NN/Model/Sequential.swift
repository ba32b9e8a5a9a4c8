import Tensor

/// A chain of layers owning every activation and gradient buffer between them.
///
/// Buffers are sized on the first call and reused, so a training step at a fixed batch size
/// allocates nothing. Parameters and buffers are named `layers.<index>.<name>`
/// (e.g. `layers.0.weight`), as a PyTorch `Sequential` would name them.
public final class Sequential {
  /// The layers, input first.
  public let layers: [any Layer]
  /// The shape of one input sample (`[features]`, or `[channels, height, width]` for images).
  public let inputShape: [Int]
  /// The shape of each layer's output sample (`outputShapes[i]` for `layers[i]`).
  public let outputShapes: [[Int]]
  /// The element count of one input sample.
  public let inputFeatures: Int
  public let outputFeatures: Int
  /// Every trainable parameter, in layer order.
  public let parameters: [Parameter]
  /// Every non-trainable buffer (batch-norm statistics), in layer order.
  public let buffers: [Parameter]
  /// For each layer with parameters: its display name (`dense 0`) and its slice of `parameters`.
  public let parameterGroups: [(name: String, range: Range<Int>)]
  /// The output of each layer in the last forward (`activations[i]` = output of `layers[i]`).
  public internal(set) var activations: [Tensor]
  /// dL/d(input of layer i) from the last backward; index 0 is never computed.
  public internal(set) var activationGradients: [Tensor]
  /// The input of the last forward, held until the next backward.
  var lastInput = Sequential.empty
  /// A shared empty tensor, so letting go of a batch allocates nothing.
  static let empty = Tensor(shape: [0])

  /// Wraps `layers`, expecting input samples of `inputShape`; names their parameters and buffers.
  public init(layers: [any Layer], inputShape: [Int]) {
    precondition(!layers.isEmpty, "Sequential needs at least one layer")
    precondition(!inputShape.isEmpty && inputShape.allSatisfy { $0 > 0 }, "Sequential: bad input \(inputShape)")
    self.layers = layers
    self.inputShape = inputShape
    inputFeatures = inputShape.reduce(1, *)
    var shape = inputShape
    outputShapes = layers.map { layer in
      shape = layer.outputShape(for: shape)
      return shape
    }
    outputFeatures = shape.reduce(1, *)
    for (index, layer) in layers.enumerated() {
      for item in layer.parameters + layer.buffers {
        item.name = "layers.\(index).\(Self.localName(item.name))"
      }
    }
    parameters = layers.flatMap(\.parameters)
    parameterGroups = Self.groups(layers)
    buffers = layers.flatMap(\.buffers)
    activations = layers.map { _ in Tensor(shape: [0]) }
    activationGradients = activations
  }

  /// Builds the model `spec` describes, drawing weights from `rng` (layer by layer, input first).
  ///
  /// Sizes give Dense → [BatchNorm] → activation → [Dropout] per hidden layer, the last Dense
  /// giving logits; a layer stack runs in `LayerSpec.executionOrder` (`reordered: false` builds it
  /// exactly as written, for comparisons: the same weights, the same outputs).
  public convenience init(spec: ModelSpec, rng: inout SeededGenerator, reordered: Bool = true) {
    let shapes: [[Int]]
    do { shapes = try spec.shapes() } catch { preconditionFailure("invalid model spec: \(error)") }
    do { try spec.validate() } catch { preconditionFailure("invalid model spec: \(error)") }
    if let stack = spec.layers {
      let initializer = spec.resolvedInitializer
      let running = reordered ? LayerSpec.executionOrder(stack) : stack
      var block = 0  // the input batch is plain
      var shape = shapes[0]
      let layers = running.indices.map { index in
        let made = running[index].makeLayer(input: shape, inputBlock: block, initializer: initializer, rng: &rng)
        block = made.outputBlock
        shape = made.layer.outputShape(for: shape)
        return made.layer
      }
      self.init(layers: layers, inputShape: shapes[0])
      return
    }
    var layers: [any Layer] = []
    let initializer = spec.resolvedInitializer
    for (index, (inputs, outputs)) in zip(spec.sizes, spec.sizes.dropFirst()).enumerated() {
      layers.append(Dense(inputs: inputs, outputs: outputs, initializer: initializer, rng: &rng))
      guard index < spec.sizes.count - 2 else { break }
      if spec.batchNorm { layers.append(BatchNorm(features: outputs)) }
      layers.append(spec.activation.makeLayer(shape: [outputs]))
      if spec.dropout > 0 { layers.append(Dropout(rate: spec.dropout)) }
    }
    self.init(layers: layers, inputShape: [spec.inputFeatures])
  }

  /// The parameterised layers' readable names (`conv1 16×3×3`, `bn1 16`, `dense1 10`) and their
  /// ranges in the flat parameter list.
  private static func groups(_ layers: [any Layer]) -> [(name: String, range: Range<Int>)] {
    var groups: [(name: String, range: Range<Int>)] = []
    var counts: [String: Int] = [:]
    var start = 0
    for layer in layers {
      let count = layer.parameters.count
      guard count > 0 else { continue }
      let (kind, shape) = readableKind(layer)
      counts[kind, default: 0] += 1
      let name = "\(kind)\(counts[kind] ?? 1)" + (shape.isEmpty ? "" : " " + shape)
      groups.append((name: name, range: start..<(start + count)))
      start += count
    }
    return groups
  }

  /// A layer's short kind and the shape its name shows: filters×kernel, outputs, or channels.
  private static func readableKind(_ layer: any Layer) -> (kind: String, shape: String) {
    switch layer {
    case let conv as Conv2d:
      let w = conv.window
      return ("conv", "\(w.outChannels)×\(w.kernelHeight)×\(w.kernelWidth)")
    case let dense as Dense: return ("dense", "\(dense.outputs)")
    case let norm as BatchNorm: return ("bn", "\(norm.features)")
    default: return (layer.summary.split(separator: " ").first.map(String.init) ?? "layer", "")
    }
  }

  /// The part of a name after its last dot (`layers.0.weight` → `weight`).
  private static func localName(_ name: String) -> String {
    name.split(separator: ".").last.map(String.init) ?? name
  }

  /// The number of trainable scalars.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

  /// One line per layer (`layers.<i>  <summary>  <parameter count>`), then the total.
  public var summary: String {
    let rows = layers.enumerated().map { index, layer in
      ("layers.\(index)", layer.summary, layer.parameters.reduce(0) { $0 + $1.value.count })
    }
    let nameWidth = rows.map(\.0.count).max() ?? 0
    let summaryWidth = rows.map(\.1.count).max() ?? 0
    let lines = rows.map { name, text, count in
      let padded = name.padding(nameWidth) + "  " + text.padding(summaryWidth)
      return count > 0 ? "\(padded)  \(count)" : padded.trimmingTrailingSpaces()
    }
    return (lines + ["total \(parameterCount) parameters"]).joined(separator: "\n")
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
