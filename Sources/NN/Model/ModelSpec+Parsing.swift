extension ModelSpec {
  /// Parses `784-256-128-10`, optionally in the `description` form `mlp 784-256-10 tanh bn dropout 0.2`.
  ///
  /// Words in the text override the arguments (which are the defaults).
  /// - Throws: `ModelSpecError` for a non-numeric or non-positive size, fewer than two sizes,
  ///   an unknown word or a bad dropout rate.
  public init(
    parsing text: String, activation: ActivationKind = .relu, dropout: Double = 0,
    batchNorm: Bool = false, initializer: Initializer? = nil
  ) throws(ModelSpecError) {
    var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    if words.first?.lowercased() == "mlp" { words.removeFirst() }
    guard let sizeText = words.first else { throw .empty }
    self.init(
      sizes: try Self.parseSizes(sizeText), activation: activation, dropout: dropout,
      batchNorm: batchNorm, initializer: initializer)
    try applyOptions(words.dropFirst())
    try validate()
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
