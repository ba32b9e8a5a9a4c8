extension LossKind {
  /// A new loss of this kind; `labelSmoothing` applies to cross-entropy only.
  public func makeLoss(labelSmoothing: Double = 0) -> any Loss {
    switch self {
    case .crossEntropy: SoftmaxCrossEntropy(labelSmoothing: labelSmoothing)
    case .mse: MeanSquaredError()
    case .bce: BinaryCrossEntropyWithLogits()
    case .hinge: MultiClassHinge()
    }
  }
}
