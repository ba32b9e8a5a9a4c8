/// A model: a multi-layer perceptron described by its layer sizes (`784-256-128-10`), or any
/// stack of layers in the model language (`conv16k3p1-relu-maxpool2-flatten-dense10`, see
/// `LayerSpec`).
///
/// For sizes, `Sequential(spec:rng:)` builds Dense → [BatchNorm] → activation → [Dropout] for
/// each hidden layer; the last Dense gives logits. A layer stack is built as written, for input
/// samples of `inputShape` (the data's image shape, e.g. `[1, 28, 28]`).
public struct ModelSpec: Codable, Sendable, Equatable, CustomStringConvertible {
  /// Feature counts from the input to the output, at least two (empty for a layer stack).
  public var sizes: [Int]
  /// The activation after each hidden layer (sizes form).
  public var activation: ActivationKind = .relu
  /// The dropout rate after each hidden activation (sizes form; 0: no dropout layers).
  public var dropout: Double = 0
  /// Whether each hidden Dense is followed by batch normalisation (sizes form).
  public var batchNorm: Bool = false
  /// The weight initialiser; `nil` picks `Initializer.defaultFor` the model's first activation.
  public var initializer: Initializer? = nil
  /// The layers in the model language, when the model is written as a stack; `nil` for sizes.
  public var layers: [LayerSpec]? = nil
  /// The shape of one input sample of a layer stack: `[features]` or `[channels, height, width]`.
  public var inputShape: [Int]? = nil

  /// Creates a spec from its parts (checked by `validate()` and by `Sequential`).
  public init(
    sizes: [Int], activation: ActivationKind = .relu, dropout: Double = 0,
    batchNorm: Bool = false, initializer: Initializer? = nil
  ) {
    self.sizes = sizes
    self.activation = activation
    self.dropout = dropout
    self.batchNorm = batchNorm
    self.initializer = initializer
  }

  /// A layer stack for input samples of `inputShape` (`nil`: not known yet, see `RunPlan`).
  public init(layers: [LayerSpec], inputShape: [Int]? = nil, initializer: Initializer? = nil) {
    self.sizes = []
    self.layers = layers
    self.inputShape = inputShape
    self.initializer = initializer
  }

  /// The element count of one input sample (0 when a stack's input shape is not known yet).
  public var inputFeatures: Int {
    layers == nil ? sizes.first ?? 0 : inputShape?.reduce(1, *) ?? 0
  }

  /// The number of outputs (logits), 0 when unknown.
  public var outputFeatures: Int {
    guard layers != nil else { return sizes.last ?? 0 }
    return (try? shapes().last?.reduce(1, *)) ?? 0
  }

  /// The initialiser actually used: the explicit one or the first activation's default.
  public var resolvedInitializer: Initializer {
    if let initializer { return initializer }
    guard let layers else { return .defaultFor(activation) }
    for case .activation(let kind) in layers { return .defaultFor(kind) }
    return .defaultFor(.relu)
  }

  /// Throws the first problem: too few sizes, a size below 1, a dropout rate outside [0, 1), or
  /// a layer stack without an input shape or whose shapes do not fit.
  public func validate() throws(ModelSpecError) {
    if layers != nil {
      _ = try shapes()
      return
    }
    if sizes.isEmpty { throw .empty }
    if let bad = sizes.first(where: { $0 < 1 }) { throw .nonPositiveSize(bad) }
    if sizes.count < 2 { throw .tooFewSizes(sizes.count) }
    if !(dropout >= 0 && dropout < 1) { throw .invalidDropout(dropout) }
  }

  /// Each layer's output sample shape, input first: `[inputShape, out₁, out₂, …]`.
  /// For sizes, `[[s₀], [s₁], …]`.
  public func shapes() throws(ModelSpecError) -> [[Int]] {
    guard let layers else { return sizes.map { [$0] } }
    if layers.isEmpty { throw .empty }
    guard let inputShape, !inputShape.isEmpty, inputShape.allSatisfy({ $0 > 0 }), inputShape.count != 2,
      inputShape.count <= 3
    else { throw .badShape("the model's input shape is unknown or invalid (\(inputShape ?? []))") }
    var shapes = [inputShape]
    for (index, layer) in layers.enumerated() {
      let previous = index > 0 ? layers[index - 1] : nil
      shapes.append(try layer.outputShape(for: shapes[index], position: index + 1, after: previous))
    }
    guard shapes[shapes.count - 1].count == 1 else {
      throw .badShape("the model must end flat (e.g. flatten-dense10), ends with \(LayerSpec.text(shapes.last!))")
    }
    return shapes
  }

  /// The trainable scalars, in Double so that an absurd description cannot overflow.
  public func parameterCount() throws(ModelSpecError) -> Double {
    let shapes = try shapes()
    guard let layers else {
      return zip(sizes, sizes.dropFirst()).reduce(0.0) { $0 + (Double($1.0) + 1) * Double($1.1) }
        + (batchNorm ? 2 * Double(sizes.dropFirst().dropLast().reduce(0, +)) : 0)
    }
    return layers.indices.reduce(0.0) { $0 + layers[$1].parameterCount(input: shapes[$1], output: shapes[$1 + 1]) }
  }

  /// `mlp 784-256-128-10 relu`, then ` bn` and ` dropout 0.2` when set; a stack's tokens joined by
  /// `-`. `ModelSpec(parsing:)` reads either back.
  public var description: String {
    if let layers { return layers.map(\.description).joined(separator: "-") }
    var text = "mlp \(sizes.map(String.init).joined(separator: "-")) \(activation.rawValue)"
    if batchNorm { text += " bn" }
    if dropout > 0 { text += " dropout \(dropout)" }
    return text
  }
}

// MARK: - Codable (every field but the sizes or layers is optional in JSON/TOML)

extension ModelSpec {
  private enum CodingKeys: String, CodingKey {
    case sizes, activation, dropout, batchNorm, initializer, layers, inputShape
  }

  /// Decodes a spec; missing options take their defaults. A stack's `layers` is its text.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let text = try c.decodeIfPresent(String.self, forKey: .layers) {
      do {
        self.init(
          layers: try Self.parseLayers(text),
          inputShape: try c.decodeIfPresent([Int].self, forKey: .inputShape),
          initializer: try c.decodeIfPresent(Initializer.self, forKey: .initializer))
      } catch let error as ModelSpecError {
        throw DecodingError.dataCorruptedError(forKey: .layers, in: c, debugDescription: error.description)
      }
      return
    }
    self.init(
      sizes: try c.decode([Int].self, forKey: .sizes),
      activation: try c.decodeIfPresent(ActivationKind.self, forKey: .activation) ?? .relu,
      dropout: try c.decodeIfPresent(Double.self, forKey: .dropout) ?? 0,
      batchNorm: try c.decodeIfPresent(Bool.self, forKey: .batchNorm) ?? false,
      initializer: try c.decodeIfPresent(Initializer.self, forKey: .initializer))
  }

  /// Encodes the sizes form field by field, a stack as its text and input shape.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(initializer, forKey: .initializer)
    if let layers {
      try c.encode(layers.map(\.description).joined(separator: "-"), forKey: .layers)
      try c.encodeIfPresent(inputShape, forKey: .inputShape)
      return
    }
    try c.encode(sizes, forKey: .sizes)
    try c.encode(activation, forKey: .activation)
    try c.encode(dropout, forKey: .dropout)
    try c.encode(batchNorm, forKey: .batchNorm)
  }
}
