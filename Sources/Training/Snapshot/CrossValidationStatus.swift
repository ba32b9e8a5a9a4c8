/// `--folds`: which fold a run is and how the finished folds ended, for the dashboard's folds table.
public struct CrossValidationStatus: Sendable, Equatable {
  /// A finished fold: early stopping's monitor at its best epoch (else the last) and its epochs.
  public struct Fold: Sendable, Equatable {
    /// 1-based.
    public var fold: Int
    public var monitor: String
    public var value: Double
    public var epochs: Int

    public init(fold: Int, monitor: String, value: Double, epochs: Int) {
      self.fold = fold
      self.monitor = monitor
      self.value = value
      self.epochs = epochs
    }
  }

  /// This run's fold, 1-based.
  public var fold: Int
  public var folds: Int
  /// The folds before this one, in order.
  public var finished: [Fold]

  public init(fold: Int, folds: Int, finished: [Fold]) {
    self.fold = fold
    self.folds = folds
    self.finished = finished
  }
}
