import Tensor

/// Per-parameter states aligned with a parameter list (tinygrad's `self.m[i]`), with export and import.
struct StateTable<State: ParameterState> {
  /// `states[i]` belongs to `parameters[i]`.
  var states: [State] = []

  /// Rebuilds fresh states if the parameter count changed; returns whether it did.
  mutating func align(with parameters: [Parameter]) -> Bool {
    guard states.count != parameters.count else { return false }
    states = parameters.map { State(like: $0.value) }
    return true
  }

  /// Every state tensor keyed `<parameter name>.<state name>`.
  func export(_ parameters: [Parameter]) -> [String: Tensor] {
    var result: [String: Tensor] = [:]
    for (parameter, state) in zip(parameters, states) {
      for (key, tensor) in state.namedTensors {
        result[key.key(for: parameter.name)] = tensor
      }
    }
    return result
  }

  /// Replaces the states with the tensors in `saved`.
  ///
  /// - Parameters:
  ///   - required: state names every parameter must have.
  ///   - allowed: state names that may be present (a superset of `required`).
  /// - Throws: `OptimizerStateError` for a missing, mis-shaped or unexpected tensor;
  ///   the table is left unchanged then.
  mutating func restore(
    from saved: [String: Tensor], parameters: [Parameter],
    required: Set<OptimizerStateKey>, allowed: Set<OptimizerStateKey>
  ) throws {
    var restored = parameters.map { State(like: $0.value) }
    var used = Set<String>()
    for (index, parameter) in parameters.enumerated() {
      for stateKey in OptimizerStateKey.allCases where allowed.contains(stateKey) {
        let key = stateKey.key(for: parameter.name)
        guard let tensor = saved[key] else {
          if required.contains(stateKey) { throw OptimizerStateError.missingTensor(key: key) }
          continue
        }
        guard tensor.shape == parameter.value.shape else {
          throw OptimizerStateError.shapeMismatch(
            key: key, expected: parameter.value.shape, found: tensor.shape)
        }
        restored[index].restore(stateKey, tensor)
        used.insert(key)
      }
    }
    if let extra = saved.keys.sorted().first(where: { !used.contains($0) }) {
      throw OptimizerStateError.unexpectedTensor(key: extra)
    }
    states = restored
  }
}
