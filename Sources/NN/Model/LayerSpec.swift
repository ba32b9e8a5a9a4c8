/// One layer of a model written in the model language, e.g. `conv16k3p1` or `dense10`.
///
/// A model is its layers' tokens joined by `-`:
/// `conv16k3p1-relu-maxpool2-conv32k3p1-relu-maxpool2-flatten-dense10`.
///
/// | token | layer | PyTorch |
/// |---|---|---|
/// | `conv<C>k<K>[s<S>][p<P>]` | C filters K×K, stride S (1), zero padding P (0) | `Conv2d(in, C, K, S, P)` |
/// | `maxpool<K>[s<S>][p<P>]` | K×K max, stride S (K) | `MaxPool2d(K, S, P)` |
/// | `avgpool<K>[s<S>][p<P>]` | K×K mean, stride S (K) | `AvgPool2d(K, S, P)` |
/// | `gap` | mean of each channel | `AdaptiveAvgPool2d(1)` |
/// | `bn` | batch norm per channel (images) or feature | `BatchNorm2d` / `BatchNorm1d` |
/// | `relu`, `tanh`, … | an `ActivationKind` | `ReLU()`, … |
/// | `dropout<R>` | dropout with rate R | `Dropout(R)` |
/// | `dropout2d<R>` | spatial dropout: whole channels of an image, rate R | `Dropout2d(R)`, Keras `SpatialDropout2D` |
/// | `flatten` | `[C,H,W] → [C·H·W]` | `Flatten()` |
/// | `dense<N>` | fully connected to N; bare `dense` = the data's outputs | `Linear(in, N)` |
public enum LayerSpec: Sendable, Equatable, CustomStringConvertible {
  /// A convolution with `filters` output channels.
  case conv(filters: Int, kernel: Int, stride: Int, padding: Int)
  /// Max or average pooling.
  case pool(PoolKind, kernel: Int, stride: Int, padding: Int)
  /// Global average pooling: `[C,H,W] → [C,1,1]`.
  case globalAveragePool
  /// Batch normalisation.
  case batchNorm
  /// An activation function.
  case activation(ActivationKind)
  /// Dropout with this rate, in [0, 1).
  case dropout(Double)
  /// Spatial dropout: each channel of each image dropped whole, with this rate in [0, 1).
  case spatialDropout(Double)
  /// `[C,H,W] → [C·H·W]`.
  case flatten
  /// A fully connected layer; `nil` outputs means "as many as the data's outputs".
  case dense(Int?)

  /// Which statistic a pooling layer keeps.
  /// The stack as it runs: a `relu` directly before a max pooling runs after it instead.
  ///
  /// ReLU and max commute, `relu(max(x)) = max(relu(x))` bit for bit, and so do their gradients:
  /// where the window's maximum is positive both send the gradient to it; where it is not, both send
  /// zero. After the pooling the ReLU touches a quarter of the values (for a 2×2 window), forward
  /// and backward. Layers with weights never move, so parameter names and initial draws are as written.
  public static func executionOrder(_ stack: [LayerSpec]) -> [LayerSpec] {
    var order = stack
    var index = 0
    while index + 1 < order.count {
      if case .activation(.relu) = order[index], case .pool(.max, _, _, _) = order[index + 1] {
        order.swapAt(index, index + 1)
        index += 2
      } else {
        index += 1
      }
    }
    return order
  }

  public enum PoolKind: String, Sendable, Equatable {
    /// `maxpool`.
    case max = "maxpool"
    /// `avgpool`.
    case average = "avgpool"
  }

  /// The token, as the model language writes it (`conv16k3p1`, `maxpool2`, `dense10`).
  public var description: String {
    switch self {
    case .conv(let filters, let kernel, let stride, let padding):
      "conv\(filters)k\(kernel)" + (stride == 1 ? "" : "s\(stride)") + (padding == 0 ? "" : "p\(padding)")
    case .pool(let kind, let kernel, let stride, let padding):
      "\(kind.rawValue)\(kernel)" + (stride == kernel ? "" : "s\(stride)") + (padding == 0 ? "" : "p\(padding)")
    case .globalAveragePool: "gap"
    case .batchNorm: "bn"
    case .activation(let kind): kind.rawValue
    case .dropout(let rate): "dropout\(rate)"
    case .spatialDropout(let rate): "dropout2d\(rate)"
    case .flatten: "flatten"
    case .dense(let outputs): outputs.map { "dense\($0)" } ?? "dense"
    }
  }

  /// Whether this layer has weights (convolution, dense, batch norm).
  public var hasParameters: Bool {
    switch self {
    case .conv, .dense, .batchNorm: true
    case .pool, .globalAveragePool, .activation, .dropout, .spatialDropout, .flatten: false
    }
  }
}

// MARK: - Parsing one token

extension LayerSpec {
  /// Parses one token of the model language.
  /// - Throws: `ModelSpecError.unknownLayer` for a word that is no layer, `.badLayer` for a known
  ///   word with a bad number.
  public init(token: String) throws(ModelSpecError) {
    let word = token.lowercased()
    if let kind = ActivationKind(rawValue: word) {
      self = .activation(kind)
      return
    }
    switch word {
    case "bn", "batchnorm": self = .batchNorm
    case "flatten": self = .flatten
    case "gap": self = .globalAveragePool
    case "dense": self = .dense(nil)
    default: self = try Self.parametrized(word, token: token)
    }
  }

  private static func parametrized(_ word: String, token: String) throws(ModelSpecError) -> LayerSpec {
    if word.hasPrefix("dropout2d") {
      guard let rate = Double(word.dropFirst("dropout2d".count)), rate >= 0, rate < 1 else {
        throw .badLayer(token, "expected dropout2d<rate> with a rate in [0, 1), e.g. dropout2d0.2")
      }
      return .spatialDropout(rate)
    }
    if word.hasPrefix("dropout") {
      guard let rate = Double(word.dropFirst("dropout".count)), rate >= 0, rate < 1 else {
        throw .badLayer(token, "expected dropout<rate> with a rate in [0, 1), e.g. dropout0.25")
      }
      return .dropout(rate)
    }
    if word.hasPrefix("dense") {
      guard let outputs = Int(word.dropFirst("dense".count)), (1...Self.maximumWidth).contains(outputs) else {
        throw .badLayer(token, "expected dense<outputs> with 1…\(Self.maximumWidth) outputs, e.g. dense10")
      }
      return .dense(outputs)
    }
    if word.hasPrefix("conv") { return try conv(word.dropFirst(4), token: token) }
    for kind in [PoolKind.max, .average] where word.hasPrefix(kind.rawValue) {
      return try pool(kind, word.dropFirst(kind.rawValue.count), token: token)
    }
    throw .unknownLayer(token)
  }

  /// `16k3s2p1` → conv(16, 3, 2, 1).
  private static func conv(_ text: Substring, token: String) throws(ModelSpecError) -> LayerSpec {
    let usage = "expected conv<filters>k<kernel>[s<stride>][p<padding>], e.g. conv16k3p1"
    guard let fields = numberFields(text, letters: ["", "k", "s", "p"]),
      let filters = fields[""], let kernel = fields["k"]
    else { throw .badLayer(token, usage) }
    let stride = fields["s"] ?? 1
    let padding = fields["p"] ?? 0
    guard (1...maximumWidth).contains(filters), (1...maximumKernel).contains(kernel),
      (1...maximumKernel).contains(stride), (0...maximumKernel).contains(padding)
    else { throw .badLayer(token, "\(usage); filters 1…\(maximumWidth), kernel, stride and padding ≤ 64") }
    return .conv(filters: filters, kernel: kernel, stride: stride, padding: padding)
  }

  /// `2`, `3s2`, `3s1p1` → pool(kind, 3, 2, 0).
  private static func pool(_ kind: PoolKind, _ text: Substring, token: String) throws(ModelSpecError) -> LayerSpec {
    let usage = "expected \(kind.rawValue)<kernel>[s<stride>][p<padding>], e.g. \(kind.rawValue)2"
    guard let fields = numberFields(text, letters: ["", "s", "p"]), let kernel = fields[""] else {
      throw .badLayer(token, usage)
    }
    let stride = fields["s"] ?? kernel
    let padding = fields["p"] ?? 0
    guard (1...maximumKernel).contains(kernel), (1...maximumKernel).contains(stride),
      padding >= 0, padding * 2 <= kernel
    else { throw .badLayer(token, "\(usage); kernel and stride 1…64, padding at most half the kernel") }
    return .pool(kind, kernel: kernel, stride: stride, padding: padding)
  }

  /// Splits `16k3s2` into {"": 16, "k": 3, "s": 2}: numbers each after a letter from `letters`
  /// (the first after none), each letter at most once and in order; `nil` if anything else.
  private static func numberFields(_ text: Substring, letters: [String]) -> [String: Int]? {
    var fields: [String: Int] = [:]
    var rest = text
    var allowed = letters[...]
    while !rest.isEmpty {
      let letter = rest.first.map { $0.isNumber ? "" : String($0) } ?? ""
      guard let index = allowed.firstIndex(of: letter) else { return nil }
      allowed = allowed[(index + 1)...]
      if !letter.isEmpty { rest = rest.dropFirst() }
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else { return nil }
      fields[letter] = value
      rest = rest.dropFirst(digits.count)
    }
    return fields
  }

  /// The most channels or outputs one layer may have (as `--model`'s layer widths).
  public static let maximumWidth = 65_536
  /// The largest kernel, stride or padding.
  public static let maximumKernel = 64
}
