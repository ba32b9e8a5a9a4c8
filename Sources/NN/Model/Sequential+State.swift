import Tensor

// MARK: - Gradient norms and saved state

extension Sequential {
  /// The L2 norm of each parameterised layer's gradients, named like `dense 0` (kind and layer index).
  public func layerGradientNorms() -> [(name: String, norm: Double)] {
    layers.enumerated().compactMap { index, layer in
      guard !layer.parameters.isEmpty else { return nil }
      let kind = layer.summary.split(separator: " ").first.map(String.init) ?? "layer"
      return (name: "\(kind) \(index)", norm: globalGradientNorm(layer.parameters))
    }
  }

  /// Every parameter and buffer value by its name, for checkpoints.
  public func stateTensors() -> [String: Tensor] {
    var state: [String: Tensor] = [:]
    for item in parameters + buffers { state[item.name] = item.value }
    return state
  }

  /// Copies every parameter and buffer from `tensors` by name (extra names are ignored).
  ///
  /// - Throws: `ModelStateError` if a name is missing or a shape differs; nothing is changed then.
  public func loadState(from tensors: [String: Tensor]) throws(ModelStateError) {
    let items = parameters + buffers
    for item in items {
      guard let tensor = tensors[item.name] else { throw .missing(item.name) }
      guard tensor.shape == item.value.shape else {
        throw .shapeMismatch(name: item.name, expected: item.value.shape, found: tensor.shape)
      }
    }
    for item in items {
      if let tensor = tensors[item.name] { item.value.assign(tensor) }
    }
  }
}
