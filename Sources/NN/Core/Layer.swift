import Tensor

/// Whether a layer behaves as in training (dropout on, batch statistics) or evaluation.
public enum LayerMode: Sendable, Equatable {
  /// Training: dropout masks are drawn, batch norm uses and updates batch statistics.
  case training
  /// Evaluation: dropout is the identity, batch norm uses running statistics.
  case evaluation
}

/// One stage of a model: forward, backward, and the parameters it owns.
///
/// Activations live outside the layer: the caller (usually `Sequential`) owns the
/// input and output buffers and passes them in, so a step reuses them and allocates
/// nothing. Tensors are `[batch, …]`: `[batch, features]` for dense layers, NCHW
/// `[batch, channels, height, width]` for convolution and pooling; a layer reads its input by
/// element count, so a flat `[batch, c·h·w]` batch is a valid NCHW input.
public protocol Layer: AnyObject {
  /// A short description for display, e.g. `dense 784→256`.
  var summary: String { get }
  /// The trainable parameters, in a fixed order.
  var parameters: [Parameter] { get }
  /// Non-trainable state saved in checkpoints (e.g. batch norm's running statistics).
  var buffers: [Parameter] { get }
  /// The shape of one output sample for one input sample of `inputShape` (batch excluded).
  func outputShape(for inputShape: [Int]) -> [Int]
  /// Computes `output` from `input`, resizing `output` as needed.
  func forward(_ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator)
  /// Overwrites each parameter's gradient and, if `computeInputGradient`, writes dL/d(input) to `gradInput`.
  ///
  /// `input` and `output` are the tensors of the last `forward` call.
  func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool)
}

// MARK: - Default implementations

extension Layer {
  /// No buffers by default.
  public var buffers: [Parameter] { [] }
  /// No parameters by default.
  public var parameters: [Parameter] { [] }
  /// Shape-preserving by default.
  public func outputShape(for inputShape: [Int]) -> [Int] { inputShape }
}
