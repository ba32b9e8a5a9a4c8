/// The dashboard panes that can take focus and be zoomed.
public enum PaneID: String, CaseIterable, Hashable, Sendable {
  /// Training and validation loss.
  case loss
  /// Training and validation accuracy (or R²).
  case accuracy
  /// Learning rate history and schedule.
  case learningRate
  case gradientNorm
  /// Validation images with their true and predicted classes (image data).
  case samples
  /// The latest validation confusion matrix (classification).
  case confusion
  /// The first convolution's filters (convnets).
  case filters
  /// The event log.
  case events

  /// True for the panes that draw a chart over steps or epochs (the wheel zooms their x range).
  public var isChart: Bool {
    switch self {
    case .loss, .accuracy, .learningRate, .gradientNorm: true
    case .samples, .confusion, .filters, .events: false
    }
  }

  /// The pane after this one in `order` (wrapping around); the first one when this is not in it.
  public func next(in order: [PaneID]) -> PaneID {
    guard let index = order.firstIndex(of: self) else { return order.first ?? self }
    return order[(index + 1) % order.count]
  }

  /// The pane before this one in `order` (wrapping around); the last one when this is not in it.
  public func previous(in order: [PaneID]) -> PaneID {
    guard let index = order.firstIndex(of: self) else { return order.last ?? self }
    return order[(index + order.count - 1) % order.count]
  }
}

/// What the charts' x axis counts.
public enum XAxisMode: String, CaseIterable, Hashable, Sendable {
  /// Optimizer steps.
  case steps
  /// Epochs (fractional between epoch ends).
  case epochs

  /// The other mode.
  public var toggled: XAxisMode { self == .steps ? .epochs : .steps }
  /// The unit's name on the axis line.
  public var unitName: String { self == .steps ? "step" : "epoch" }
}
