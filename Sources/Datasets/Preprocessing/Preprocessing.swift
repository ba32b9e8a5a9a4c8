/// The fitted feature transform, stored with a run (Codable) and re-applied at evaluation and resume.
///
/// Each value `x` becomes `(x / inputDivisor - shift[j]) * factor[j]`:
/// `inputDivisor` is 255 for u8 images (pixels into [0, 1]) and 1 otherwise; `shift` and
/// `factor` come from `statistics`, which are fitted on the training split only.
/// With `scaling == .none`, `shift` and `factor` are empty and only the divisor applies.
public struct Preprocessing: Codable, Sendable, Equatable {
  /// The scaling that was fitted (never `.automatic`).
  public var scaling: Scaling
  /// The first step: 255 for u8 images, 1 otherwise.
  public var inputDivisor: Float
  /// The training-split statistics the transform was built from (empty when not needed).
  public var statistics: FeatureStatistics
  /// Subtracted from each feature after the divisor; empty for `.none`.
  public var shift: [Float]
  /// Multiplies each feature after the shift; empty for `.none`.
  public var factor: [Float]

  /// The identity transform (apart from `inputDivisor`).
  public init(inputDivisor: Float = 1) {
    scaling = .none
    self.inputDivisor = inputDivisor
    statistics = FeatureStatistics()
    shift = []
    factor = []
  }

  /// Builds the transform for `scaling` from fitted `statistics`.
  ///
  /// Constant features (`min == max`) get factor 1, so they are shifted but never divided by zero.
  public init(scaling: Scaling, inputDivisor: Float, statistics: FeatureStatistics) {
    precondition(scaling != .automatic, "resolve .automatic before fitting")
    self.scaling = scaling
    self.inputDivisor = inputDivisor
    self.statistics = statistics
    let width = statistics.mean.count
    let constant = (0..<width).map { statistics.minimum[$0] == statistics.maximum[$0] }
    switch scaling {
    case .automatic, .none:
      shift = []
      factor = []
    case .standardize:
      shift = statistics.mean.map { Float($0) }
      factor = (0..<width).map { constant[$0] ? 1 : Float(1 / statistics.standardDeviation[$0]) }
    case .minMax:
      shift = statistics.minimum.map { Float($0) }
      factor = (0..<width).map { constant[$0] ? 1 : Float(1 / (statistics.maximum[$0] - statistics.minimum[$0])) }
    case .globalStandardize:
      let std = statistics.overallStandardDeviation
      shift = [Float](repeating: Float(statistics.overallMean), count: width)
      factor = [Float](repeating: std > 0 ? Float(1 / std) : 1, count: width)
    }
  }

  /// Fits `scaling` on `rows` of `block` (the training rows).
  init(fitting scaling: Scaling, block: SampleBlock, rows: [Int]) {
    let divisor: Float
    if case .bytes = block.features { divisor = 255 } else { divisor = 1 }
    if scaling == .none {
      if case .bytes = block.features {
        self.init(inputDivisor: divisor)
        return
      }
    }
    self.init(
      scaling: scaling, inputDivisor: divisor,
      statistics: FeatureStatistics(block: block, rows: rows, divisor: divisor))
  }

  /// True when only the divisor applies.
  public var isIdentity: Bool { shift.isEmpty }

  /// The transformed value of raw value `x` of feature `feature`.
  public func apply(_ x: Float, feature: Int) -> Float {
    let scaled = inputDivisor == 1 ? x : x / inputDivisor
    return shift.isEmpty ? scaled : (scaled - shift[feature]) * factor[feature]
  }
}
