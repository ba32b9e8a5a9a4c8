/// A multi-layer perceptron described by its layer sizes and options, e.g. `784-256-128-10`.
///
/// `Sequential(spec:rng:)` builds Dense → [BatchNorm] → activation → [Dropout] for each
/// hidden layer; the last Dense gives logits.
public struct ModelSpec: Codable, Sendable, Equatable, CustomStringConvertible {
  /// Feature counts from the input to the output, at least two.
  public var sizes: [Int]
  /// The activation after each hidden layer.
  public var activation: ActivationKind = .relu
  /// The dropout rate after each hidden activation (0: no dropout layers).
  public var dropout: Double = 0
  /// Whether each hidden Dense is followed by batch normalisation.
  public var batchNorm: Bool = false
  /// The weight initialiser; `nil` picks `Initializer.defaultFor(activation)`.
  public var initializer: Initializer? = nil

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

  public var inputFeatures: Int { sizes.first ?? 0 }

  /// The number of outputs (logits).
  public var outputFeatures: Int { sizes.last ?? 0 }

  /// The initialiser actually used: the explicit one or the activation's default.
  public var resolvedInitializer: Initializer { initializer ?? .defaultFor(activation) }

  /// Throws the first problem: too few sizes, a size below 1, or a dropout rate outside [0, 1).
  public func validate() throws(ModelSpecError) {
    if sizes.isEmpty { throw .empty }
    if let bad = sizes.first(where: { $0 < 1 }) { throw .nonPositiveSize(bad) }
    if sizes.count < 2 { throw .tooFewSizes(sizes.count) }
    if !(dropout >= 0 && dropout < 1) { throw .invalidDropout(dropout) }
  }

  /// `mlp 784-256-128-10 relu`, then ` bn` and ` dropout 0.2` when set; `ModelSpec(parsing:)` reads it back.
  public var description: String {
    var text = "mlp \(sizes.map(String.init).joined(separator: "-")) \(activation.rawValue)"
    if batchNorm { text += " bn" }
    if dropout > 0 { text += " dropout \(dropout)" }
    return text
  }
}

// MARK: - Codable (every field but sizes is optional in JSON/TOML)

extension ModelSpec {
  private enum CodingKeys: String, CodingKey {
    case sizes, activation, dropout, batchNorm, initializer
  }

  /// Decodes a spec; missing options take their defaults.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    sizes = try c.decode([Int].self, forKey: .sizes)
    activation = try c.decodeIfPresent(ActivationKind.self, forKey: .activation) ?? .relu
    dropout = try c.decodeIfPresent(Double.self, forKey: .dropout) ?? 0
    batchNorm = try c.decodeIfPresent(Bool.self, forKey: .batchNorm) ?? false
    initializer = try c.decodeIfPresent(Initializer.self, forKey: .initializer)
  }
}
