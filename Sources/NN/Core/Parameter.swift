import Tensor

/// A trainable tensor and its gradient, shared by the layer that owns it and the optimizer.
///
/// A reference type on purpose: the layer reads `value` in `forward`, writes
/// `gradient` in `backward`, and the optimizer updates `value` in place, all
/// without copying. Only the trainer thread touches a model's parameters.
public final class Parameter {
  /// A dotted name such as `layers.0.weight`, used in checkpoints.
  public var name: String
  /// The current values.
  public var value: Tensor
  /// The gradient of the loss with respect to `value`, overwritten by each backward pass.
  public var gradient: Tensor
  /// Whether L1/L2 penalties apply (weights: yes; biases and batch-norm parameters: no, as Keras' kernel_regularizer).
  public var isRegularized: Bool
  /// A frozen parameter gets no update from any optimizer (`--freeze`, Keras' `trainable = False`);
  /// its gradient is still computed, so the layers below it learn.
  public var isFrozen = false

  /// Creates a parameter holding `value` with a zero gradient (not regularised unless asked).
  public init(name: String, value: Tensor, isRegularized: Bool = false) {
    self.name = name
    self.value = value
    self.gradient = Tensor.zeros(like: value)
    self.isRegularized = isRegularized
  }
}
