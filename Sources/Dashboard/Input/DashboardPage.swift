import Training

/// Which four panes the dashboard's grid shows; `v` switches between the two.
public enum DashboardPage: Sendable, Equatable {
  /// Loss, accuracy, learning rate, gradient norm.
  case training
  /// What the network sees: validation samples, the confusion matrix and the first layer's filters,
  /// with the loss and accuracy filling the cells those leave free.
  case validation

  /// The other page.
  public var toggled: DashboardPage { self == .training ? .validation : .training }

  /// The grid's panes, in reading order (top left, top right, bottom left, bottom right).
  ///
  /// The validation page shows only the panes the run has data for: samples for image data,
  /// the confusion matrix for classification, filters for a convnet; it is the training page
  /// when none of them applies (a regression on a table).
  public func grid(for snapshot: TrainingSnapshot?) -> [PaneID] {
    let training: [PaneID] = [.loss, .accuracy, .learningRate, .gradientNorm]
    guard self == .validation, let snapshot else { return training }
    let pictures = Self.validationPanes(snapshot)
    guard !pictures.isEmpty else { return training }
    return Array((pictures + training.filter { !pictures.contains($0) }).prefix(4))
  }

  /// The validation panes `snapshot` has data for, in grid order.
  static func validationPanes(_ snapshot: TrainingSnapshot) -> [PaneID] {
    var panes: [PaneID] = []
    if snapshot.info.hasImages && snapshot.info.isClassification { panes.append(.samples) }
    if snapshot.info.isClassification { panes.append(.confusion) }
    if snapshot.filters != nil { panes.append(.filters) }
    return panes
  }

  /// The panes Tab moves through: the grid, then the events.
  public func focusOrder(for snapshot: TrainingSnapshot?) -> [PaneID] { grid(for: snapshot) + [.events] }
}
