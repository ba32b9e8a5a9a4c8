import Tensor

/// One parameter's optimizer state: a few tensors known by their PyTorch names.
protocol ParameterState {
  /// Fresh state for a parameter holding `value`: the always-present tensors zero, the optional ones absent.
  init(like value: Tensor)
  /// The tensors held from the first step, in export order.
  static var alwaysSlots: [(key: OptimizerStateKey, path: WritableKeyPath<Self, Tensor>)] { get }
  /// The buffers made (zero) when a setting first needs them, `nil` until then, in export order.
  static var optionalSlots: [(key: OptimizerStateKey, path: WritableKeyPath<Self, Tensor?>)] { get }
}

extension ParameterState {
  static var alwaysSlots: [(key: OptimizerStateKey, path: WritableKeyPath<Self, Tensor>)] { [] }
  static var optionalSlots: [(key: OptimizerStateKey, path: WritableKeyPath<Self, Tensor?>)] { [] }

  /// The names of the always-present tensors.
  static var alwaysKeys: Set<OptimizerStateKey> { Set(alwaysSlots.map(\.key)) }
  /// Every name this state can hold.
  static var allKeys: Set<OptimizerStateKey> { alwaysKeys.union(optionalSlots.map(\.key)) }

  /// The tensors held now, by name (absent optional buffers are left out).
  var namedTensors: [(key: OptimizerStateKey, tensor: Tensor)] {
    Self.alwaysSlots.map { ($0.key, self[keyPath: $0.path]) }
      + Self.optionalSlots.compactMap { slot in self[keyPath: slot.path].map { (slot.key, $0) } }
  }

  /// Stores `tensor` under `key`, one of `allKeys`.
  mutating func restore(_ key: OptimizerStateKey, _ tensor: Tensor) {
    if let slot = Self.alwaysSlots.first(where: { $0.key == key }) {
      self[keyPath: slot.path] = tensor
    } else if let slot = Self.optionalSlots.first(where: { $0.key == key }) {
      self[keyPath: slot.path] = tensor
    } else {
      preconditionFailure("\(Self.self) has no state '\(key.rawValue)'")
    }
  }
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
