extension ModelSpec {
  /// Parses a model: sizes (`784-256-128-10`, or the `description` form
  /// `mlp 784-256-10 tanh bn dropout 0.2`) or a layer stack (`conv16k3p1-relu-…-dense10`).
  ///
  /// For sizes, words in the text override the arguments (which are the defaults).
  /// - Throws: `ModelSpecError` for a non-numeric or non-positive size, fewer than two sizes,
  ///   an unknown word, a bad dropout rate or a bad layer token.
  public init(
    parsing text: String, activation: ActivationKind = .relu, dropout: Double = 0,
    batchNorm: Bool = false, initializer: Initializer? = nil
  ) throws(ModelSpecError) {
    var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    if words.count == 1, let first = words.first, Self.isLayerStack(first) {
      self.init(layers: try Self.parseLayers(first), initializer: initializer)
      return
    }
    if words.first?.lowercased() == "mlp" { words.removeFirst() }
    guard let sizeText = words.first else { throw .empty }
    self.init(
      sizes: try Self.parseSizes(sizeText), activation: activation, dropout: dropout,
      batchNorm: batchNorm, initializer: initializer)
    try applyOptions(words.dropFirst())
    try validate()
  }

  /// Whether `text` is in the layer language: its first token is a layer word, not a size
  /// (`784-…`) and not the `mlp` of the description form.
  static func isLayerStack(_ text: String) -> Bool {
    guard let first = text.split(separator: "-", omittingEmptySubsequences: false).first,
      let letter = first.first, letter.isLetter
    else { return false }
    return first.lowercased() != "mlp"
  }

  /// The layers of `conv16k3p1-relu-…`; the error names the first bad token.
  static func parseLayers(_ text: String) throws(ModelSpecError) -> [LayerSpec] {
    var layers: [LayerSpec] = []
    for token in text.split(separator: "-", omittingEmptySubsequences: false) {
      guard !token.isEmpty else { throw .badLayer(text, "an empty token: layers are joined by single '-'") }
      layers.append(try LayerSpec(token: String(token)))
    }
    guard !layers.isEmpty else { throw .empty }
    return layers
  }

  private static func parseSizes(_ text: String) throws(ModelSpecError) -> [Int] {
    var sizes: [Int] = []
    for part in text.split(separator: "-", omittingEmptySubsequences: false) {
      guard let size = Int(part) else { throw .invalidSize(String(part)) }
      guard size > 0 else { throw .nonPositiveSize(size) }
      sizes.append(size)
    }
    return sizes
  }

  private mutating func applyOptions(_ words: ArraySlice<String>) throws(ModelSpecError) {
    var rest = words
    while let word = rest.popFirst() {
      if let kind = ActivationKind(rawValue: word.lowercased()) {
        activation = kind
      } else if word == "bn" || word == "batchnorm" {
        batchNorm = true
      } else if word == "dropout", let value = rest.first.flatMap(Double.init) {
        rest.removeFirst()
        dropout = value
      } else {
        throw .unknownWord(word)
      }
    }
  }
}
