/// The mean and standard deviation of a few numbers (cross-validation folds), the deviation with
/// numpy's default `ddof = 0`, as scikit-learn's `scores.std()` reports it.
public struct MeanDeviation: Equatable, Sendable, Codable {
  public let mean: Double
  public let std: Double

  /// Of `values` (NaN for none).
  public init(_ values: [Double]) {
    guard !values.isEmpty else {
      (mean, std) = (.nan, .nan)
      return
    }
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    self.mean = mean
    std = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
  }
}
