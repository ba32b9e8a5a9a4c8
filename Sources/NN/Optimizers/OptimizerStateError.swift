/// Why `Optimizer.importState` refused a saved state.
public enum OptimizerStateError: Error, Equatable, CustomStringConvertible {
  /// A tensor the optimizer needs (for its kind and settings) is absent.
  case missingTensor(key: String)
  /// A tensor's shape differs from its parameter's.
  case shapeMismatch(key: String, expected: [Int], found: [Int])
  /// A tensor that belongs to no parameter, or to a state this optimizer does not keep.
  case unexpectedTensor(key: String)
  /// The step count is negative.
  case invalidStepCount(Int)

  /// A one-line explanation for logs and error messages.
  public var description: String {
    switch self {
    case .missingTensor(let key):
      return "optimizer state: missing tensor '\(key)'"
    case .shapeMismatch(let key, let expected, let found):
      return "optimizer state: '\(key)' has shape \(found), its parameter has shape \(expected)"
    case .unexpectedTensor(let key):
      return "optimizer state: unexpected tensor '\(key)' (unknown parameter or state for this optimizer)"
    case .invalidStepCount(let count):
      return "optimizer state: invalid step count \(count)"
    }
  }
}
