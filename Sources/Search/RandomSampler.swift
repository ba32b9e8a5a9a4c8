import Tensor

/// Random search: each parameter drawn on its own from its distribution (uniform, log-uniform,
/// uniform whole numbers, or an equally likely choice).
public enum RandomSampler {
  /// One draw of every parameter in `space`.
  public static func sample(_ space: SearchSpace, rng: inout SeededGenerator) -> [String: ParameterValue] {
    var result: [String: ParameterValue] = [:]
    for parameter in space.parameters { result[parameter.name] = parameter.distribution.value(at: rng.unit()) }
    return result
  }
}
