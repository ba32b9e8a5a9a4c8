/// Fractions of the train, validation and test splits (they sum to 1).
public struct SplitFractions: Codable, Sendable, Equatable {
  /// Share of the training split.
  public var train: Double
  /// Share of the validation split.
  public var validation: Double
  /// Share of the test split.
  public var test: Double

  /// Creates fractions; call `validate()` before use.
  public init(train: Double, validation: Double, test: Double) {
    self.train = train
    self.validation = validation
    self.test = test
  }

  /// 70% train, 15% validation, 15% test.
  public static let standard = SplitFractions(train: 0.7, validation: 0.15, test: 0.15)

  /// Throws unless each fraction is in [0, 1], train is positive, and they sum to 1.
  public func validate() throws {
    let parts = [train, validation, test]
    guard parts.allSatisfy({ $0 >= 0 && $0 <= 1 }), train > 0, abs(parts.reduce(0, +) - 1) < 1e-9 else {
      throw DatasetError(
        "split fractions must be in [0, 1] with train > 0 and sum to 1; got train \(train), "
          + "validation \(validation), test \(test)")
    }
  }
}
