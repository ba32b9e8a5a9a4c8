/// A few predictions kept from an evaluation pass, for the samples pane: those of the split's first
/// rows, and the first rows predicted wrongly.
public struct EvaluationSamples: Sendable, Equatable {
  /// One row: its index in the split, its true class and the predicted one.
  public struct Prediction: Sendable, Equatable {
    public var row: Int
    public var label: Int
    public var predicted: Int

    public init(row: Int, label: Int, predicted: Int) {
      self.row = row
      self.label = label
      self.predicted = predicted
    }

    /// True when the prediction is wrong.
    public var isMistake: Bool { label != predicted }
  }

  /// The predictions of rows `0..<n`, in row order.
  public private(set) var leading: [Prediction] = []
  /// The first `n` wrongly predicted rows, in row order.
  public private(set) var mistakes: [Prediction] = []

  public init() {}

  /// Keeps what is still wanted from one batch whose first row is `firstRow`.
  mutating func add(_ predictions: [Int32], _ labels: [Int32], firstRow: Int, keeping count: Int) {
    for (offset, (predicted, label)) in zip(predictions, labels).enumerated() {
      guard leading.count < count || mistakes.count < count else { return }
      let prediction = Prediction(row: firstRow + offset, label: Int(label), predicted: Int(predicted))
      if leading.count < count { leading.append(prediction) }
      if prediction.isMistake, mistakes.count < count { mistakes.append(prediction) }
    }
  }
}
