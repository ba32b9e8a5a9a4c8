/// The dashboard panes that can take focus and be zoomed, in Tab order.
public enum PaneID: String, CaseIterable, Hashable, Sendable {
  /// Training and validation loss.
  case loss
  /// Training and validation accuracy (or R²).
  case accuracy
  /// Learning rate history and schedule.
  case learningRate
  case gradientNorm
  /// The event log.
  case events

  /// The next pane in Tab order (wrapping around).
  public var next: PaneID {
    let all = PaneID.allCases
    let index = all.firstIndex(of: self) ?? 0
    return all[(index + 1) % all.count]
  }

  /// The previous pane in Tab order (wrapping around).
  public var previous: PaneID {
    let all = PaneID.allCases
    let index = all.firstIndex(of: self) ?? 0
    return all[(index + all.count - 1) % all.count]
  }
}

/// What the charts' x axis counts.
public enum XAxisMode: String, Hashable, Sendable {
  /// Optimizer steps.
  case steps
  /// Epochs (fractional between epoch ends).
  case epochs

  /// The other mode.
  public var toggled: XAxisMode { self == .steps ? .epochs : .steps }
  /// The unit's name on the axis line.
  public var unitName: String { self == .steps ? "step" : "epoch" }
}
