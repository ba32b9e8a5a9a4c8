import Tensor

// MARK: - Shapes and construction

extension LayerSpec {
  /// The shape of this layer's output sample for an input sample of `input` (`[features]` or
  /// `[channels, height, width]`).
  ///
  /// - Parameters:
  ///   - position: the layer's 1-based place in the model, for messages.
  ///   - previous: the token before it (`nil` for the input), for messages.
  /// - Throws: `ModelSpecError.badShape` naming the token, the layer and the shape that does not fit.
  public func outputShape(for input: [Int], position: Int, after previous: LayerSpec?) throws(ModelSpecError)
    -> [Int]
  {
    let place = "(layer \(position))"
    let origin = previous.map { "after \($0)" } ?? "at the input"
    switch self {
    case .conv(let filters, let kernel, let stride, let padding):
      let (height, width) = try image(input, place: place, origin: origin, atInput: previous == nil)
      try fits(kernel, padding, height, width, place: place, origin: origin)
      return [filters, (height + 2 * padding - kernel) / stride + 1, (width + 2 * padding - kernel) / stride + 1]
    case .pool(_, let kernel, let stride, let padding):
      let (height, width) = try image(input, place: place, origin: origin, atInput: previous == nil)
      try fits(kernel, padding, height, width, place: place, origin: origin)
      return [input[0], (height + 2 * padding - kernel) / stride + 1, (width + 2 * padding - kernel) / stride + 1]
    case .globalAveragePool:
      _ = try image(input, place: place, origin: origin, atInput: previous == nil)
      return [input[0], 1, 1]
    case .flatten:
      return [input.reduce(1, *)]
    case .dense(let outputs):
      guard input.count == 1 else {
        throw .badShape("\(self) needs a flat input, has \(Self.text(input)) \(origin) \(place): add flatten before it")
      }
      guard let outputs else { throw .badShape("dense \(place) has no output count; write dense<outputs>") }
      return [outputs]
    case .batchNorm, .activation, .dropout:
      return input
    case .spatialDropout:
      _ = try image(input, place: place, origin: origin, atInput: previous == nil)
      return input
    }
  }

  /// The input's height and width, or an error if it is not an image (at the model's input, the
  /// error says how to give one).
  private func image(_ input: [Int], place: String, origin: String, atInput: Bool) throws(ModelSpecError)
    -> (Int, Int)
  {
    guard input.count == 3 else {
      throw .badShape(
        "\(self) needs an image input [channels, height, width], has \(Self.text(input)) \(origin) \(place)"
          + (input.count == 1 && atInput ? "; image data or --input-shape gives one" : ""))
    }
    return (input[1], input[2])
  }

  private func fits(
    _ kernel: Int, _ padding: Int, _ height: Int, _ width: Int, place: String, origin: String
  ) throws(ModelSpecError) {
    guard height + 2 * padding < kernel || width + 2 * padding < kernel else { return }
    let padded = padding > 0 ? " (with padding \(padding))" : ""
    throw .badShape(
      "\(self) needs at least \(kernel)×\(kernel) input\(padded), has \(height)×\(width) \(origin) \(place)")
  }

  /// `32×7×7` or `64 features`.
  static func text(_ shape: [Int]) -> String {
    shape.count == 1 ? "\(shape[0]) features" : shape.map(String.init).joined(separator: "×")
  }

  /// The layer, for input samples of `input` (a shape `outputShape` accepted) stored in the
  /// layout `inputBlock` (0: plain; else the channel block, see `ComputeEngine.channelBlock`),
  /// and the layout of its output. Convolutions choose the engine's fastest layout for their
  /// output; pooling, batch norm, activations and both dropouts keep their input's; flatten and global
  /// pooling end plain.
  public func makeLayer(
    input: [Int], inputBlock: Int, initializer: Initializer, rng: inout SeededGenerator
  ) -> (layer: any Layer, outputBlock: Int) {
    switch self {
    case .conv(let filters, let kernel, let stride, let padding):
      var window = Window2D(
        batch: 1, channels: input[0], height: input[1], width: input[2], outChannels: filters,
        kernelHeight: kernel, kernelWidth: kernel, stride: stride, padding: padding)
      window.inputBlock = inputBlock
      window.outputBlock = ComputeEngine.channelBlock(for: filters)
      return (Conv2d(window: window, initializer: initializer, rng: &rng), window.outputBlock)
    case .pool(let kind, let kernel, let stride, let padding):
      var window = Window2D(
        batch: 1, channels: input[0], height: input[1], width: input[2], kernelHeight: kernel,
        kernelWidth: kernel, stride: stride, padding: padding)
      window.inputBlock = inputBlock
      return (Pool2d(window: window, kind: kind == .max ? .max : .average), inputBlock)
    case .globalAveragePool:
      var window = Window2D(
        batch: 1, channels: input[0], height: input[1], width: input[2], kernelHeight: input[1],
        kernelWidth: input[2])
      window.inputBlock = inputBlock
      // One position per channel: the blocked and plain layouts coincide.
      return (Pool2d(window: window, kind: .average, isGlobal: true), 0)
    case .batchNorm:
      let layer =
        input.count == 3
        ? BatchNorm(features: input[0], spatialSize: input[1] * input[2], block: inputBlock)
        : BatchNorm(features: input[0])
      return (layer, inputBlock)
    case .activation(let kind): return (kind.makeLayer(shape: input, block: inputBlock), inputBlock)
    case .dropout(let rate): return (Dropout(rate: rate), inputBlock)
    case .spatialDropout(let rate):
      return (Dropout(rate: rate, channels: input[0], spatialSize: input[1] * input[2], block: inputBlock), inputBlock)
    case .flatten:
      let layer =
        input.count == 3 && inputBlock > 0
        ? Flatten(channels: input[0], spatialSize: input[1] * input[2], block: inputBlock) : Flatten()
      return (layer, 0)
    case .dense(let outputs):
      precondition(inputBlock == 0, "dense after a blocked layout")
      let layer = Dense(inputs: input.reduce(1, *), outputs: outputs ?? 1, initializer: initializer, rng: &rng)
      return (layer, 0)
    }
  }

  /// The trainable scalars of this layer for input samples of `input`, in Double (a checked
  /// description's count may be far too large for memory, and must not overflow on the way).
  public func parameterCount(input: [Int], output: [Int]) -> Double {
    let inputs = input.reduce(1.0) { $0 * Double($1) }
    switch self {
    case .conv(let filters, let kernel, _, _): return Double(filters) * (Double(input[0] * kernel * kernel) + 1)
    case .dense: return (inputs + 1) * Double(output[0])
    case .batchNorm: return 2 * Double(input[0])
    case .pool, .globalAveragePool, .activation, .dropout, .spatialDropout, .flatten: return 0
    }
  }
}
