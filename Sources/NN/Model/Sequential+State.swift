import Tensor

// MARK: - Gradient norms and saved state

extension Sequential {
  /// The L2 norm of each parameterised layer's gradients, named like `conv1 16×3×3` (kind, its count
  /// among layers of that kind, shape).
  public func layerGradientNorms() -> [(name: String, norm: Double)] {
    var sums: [Double] = []
    layerGradientSquaredSums(into: &sums)
    return zip(parameterGroups, sums).map { (name: $0.name, norm: $1.squareRoot()) }
  }

  /// Writes each parameterised layer's sum of squared gradients into `sums` (reused: no allocation once sized).
  ///
  /// The global gradient norm is the square root of their total, so one pass gives both.
  public func layerGradientSquaredSums(into sums: inout [Double]) {
    if sums.count != parameterGroups.count {
      sums = [Double](repeating: 0, count: parameterGroups.count)
    }
    for (index, group) in parameterGroups.enumerated() {
      var total = 0.0
      for p in group.range { total += parameters[p].gradient.sumOfSquares() }
      sums[index] = total
    }
  }

  /// A copy of the first convolution's weights `[out, in, kH, kW]` (its filters), or nil without one.
  ///
  /// A fresh buffer, so the optimizer's next in-place update does not copy the weights on write.
  public func firstConvolutionFilters() -> Tensor? {
    guard let conv = layers.lazy.compactMap({ $0 as? Conv2d }).first else { return nil }
    let weights = conv.weight.value
    return Tensor(shape: weights.shape, storage: weights.storage.map { $0 })
  }

  /// Every parameter and buffer value by its name, for checkpoints.
  public func stateTensors() -> [String: Tensor] {
    var state: [String: Tensor] = [:]
    for item in parameters + buffers { state[item.name] = item.value }
    return state
  }

  /// Copies every parameter and buffer from `tensors` by name (extra names are ignored), except
  /// those named in `skipped` (a head to be trained afresh).
  ///
  /// - Throws: `ModelStateError` if a name is missing or a shape differs; nothing is changed then.
  public func loadState(from tensors: [String: Tensor], skipping skipped: Set<String> = []) throws(ModelStateError) {
    let items = (parameters + buffers).filter { !skipped.contains($0.name) }
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
