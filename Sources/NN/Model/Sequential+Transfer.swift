// MARK: - Transfer learning: the head, and frozen layers

/// A `--freeze` selector that names no layer with weights.
public struct FreezeError: Error, Equatable, CustomStringConvertible {
  public let selector: String
  /// The layers that can be frozen, as they may be named.
  public let choices: [String]

  public var description: String {
    "no layer with weights is '\(selector)': expected an index of the model's layers (as in layers.N) or a name "
      + "(" + choices.joined(separator: ", ") + ")"
  }
}

extension Sequential {
  /// The last dense layer's parameter names (`layers.N.weight`, `layers.N.bias`): the classifier
  /// head `--reset-head` leaves freshly initialised.
  public var headParameterNames: Set<String> {
    guard let index = layers.lastIndex(where: { $0 is Dense }) else { return [] }
    return Set(layers[index].parameters.map(\.name))
  }

  /// The weighted layers by the short names people use (`conv1`, `bn1`, `dense2`), with their
  /// index in `layers`.
  var weightedLayerNames: [(name: String, index: Int)] {
    var counts: [String: Int] = [:]
    return layers.indices.compactMap { index in
      guard !layers[index].parameters.isEmpty else { return nil }
      let kind =
        switch layers[index] {
        case is Conv2d: "conv"
        case is Dense: "dense"
        case is BatchNorm: "bn"
        default: layers[index].summary.split(separator: " ").first.map(String.init) ?? "layer"
        }
      counts[kind, default: 0] += 1
      return ("\(kind)\(counts[kind] ?? 1)", index)
    }
  }

  /// Freezes the layers `selectors` name (an index into `layers`, as in `layers.3`, or a short
  /// name such as `conv1`); returns their readable names (`conv1 16×3×3`) in model order.
  ///
  /// - Throws: `FreezeError` for a selector that names no layer with weights; nothing is frozen then.
  @discardableResult
  public func freeze(_ selectors: [String]) throws(FreezeError) -> [String] {
    let named = weightedLayerNames
    var chosen = Set<Int>()
    for selector in selectors {
      let text = String(selector.filter { $0 != " " }).lowercased()
      if let index = Int(text), named.contains(where: { $0.index == index }) {
        chosen.insert(index)
      } else if let match = named.first(where: { $0.name == text }) {
        chosen.insert(match.index)
      } else {
        throw FreezeError(selector: selector, choices: named.map { "\($0.index) or \($0.name)" })
      }
    }
    for index in chosen {
      for parameter in layers[index].parameters { parameter.isFrozen = true }
    }
    return zip(named, parameterGroups).filter { chosen.contains($0.0.index) }.map(\.1.name)
  }
}
