import Tensor

/// One parameter's optimizer state: a few tensors known by their PyTorch names.
protocol ParameterState {
  /// Fresh (empty or zero) state for a parameter holding `value`.
  init(like value: Tensor)
  /// The tensors held now, by name (absent optional buffers are left out).
  var namedTensors: [(key: OptimizerStateKey, tensor: Tensor)] { get }
  /// Stores `tensor` under `key`; `key` is one this state declares.
  mutating func restore(_ key: OptimizerStateKey, _ tensor: Tensor)
}

/// Calls `body` with a pointer to `tensor`'s elements, or `nil` when there is no tensor.
///
/// The tensor is moved out of the optional for the call so its storage stays uniquely
/// referenced and the write happens in place.
func withOptionalMutablePointer<R>(
  _ tensor: inout Tensor?, _ body: (UnsafeMutablePointer<Float>?) -> R
) -> R {
  guard var owned = tensor else { return body(nil) }
  tensor = nil
  defer { tensor = owned }
  return owned.withUnsafeMutableBufferPointer { body($0.baseAddress) }
}
