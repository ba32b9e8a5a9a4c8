import Tensor

/// What a loss compares the model's output with.
public enum LossTarget: Sendable {
  /// Class ids, one per row (classification).
  case classes([Int32])
  /// Target values with the output's shape (regression, or soft/binary targets).
  case values(Tensor)
}

/// A loss function: the mean loss over the batch and its gradient with respect to the output.
public protocol Loss {
  /// A short name such as `cross_entropy`.
  var name: String { get }
  /// Returns the mean loss and writes d(loss)/d(output) into `gradient` (resized to `output`'s shape).
  func evaluate(_ output: Tensor, _ target: LossTarget, gradient: inout Tensor) -> Double
}

/// The losses traintop offers, by name.
public enum LossKind: String, CaseIterable, Codable, Sendable {
  /// Softmax cross-entropy on logits with class-id targets.
  case crossEntropy = "cross_entropy"
  /// Mean squared error.
  case mse
  /// Binary cross-entropy on logits.
  case bce
  /// Multi-class hinge (PyTorch MultiMarginLoss, p = 1, margin 1).
  case hinge
}
