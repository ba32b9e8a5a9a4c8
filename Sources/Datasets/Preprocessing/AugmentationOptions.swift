/// Random changes to training batches; all zero (off) by default.
public struct AugmentationOptions: Codable, Sendable, Equatable {
  /// Images: shift by up to this many pixels in x and y (uniform integers in `-n...n`).
  public var shiftPixels: Int
  /// Images: rotate about the centre by up to this many degrees either way (uniform).
  public var rotationDegrees: Double
  /// Images and tabular: add Gaussian noise with this standard deviation (after preprocessing).
  public var noiseStandardDeviation: Double

  /// Creates augmentation settings; the defaults turn everything off.
  public init(shiftPixels: Int = 0, rotationDegrees: Double = 0, noiseStandardDeviation: Double = 0) {
    self.shiftPixels = shiftPixels
    self.rotationDegrees = rotationDegrees
    self.noiseStandardDeviation = noiseStandardDeviation
  }

  /// Decodes the settings; missing keys are 0.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    shiftPixels = try c.decodeIfPresent(Int.self, forKey: .shiftPixels) ?? 0
    rotationDegrees = try c.decodeIfPresent(Double.self, forKey: .rotationDegrees) ?? 0
    noiseStandardDeviation = try c.decodeIfPresent(Double.self, forKey: .noiseStandardDeviation) ?? 0
  }

  /// True when any augmentation is on.
  public var isEnabled: Bool { usesGeometry || noiseStandardDeviation > 0 }

  /// True when shift or rotation is on (needs image data).
  public var usesGeometry: Bool { shiftPixels > 0 || rotationDegrees > 0 }

  /// Throws for negative or non-finite settings.
  public func validate() throws {
    guard shiftPixels >= 0, shiftPixels <= 1024, rotationDegrees >= 0, rotationDegrees <= 180,
      noiseStandardDeviation >= 0,
      noiseStandardDeviation.isFinite
    else {
      throw DatasetError(
        "augmentation needs shift in [0, 1024] pixels, rotation in [0, 180] degrees and noise std >= 0; got shift "
          + "\(shiftPixels), rotation \(rotationDegrees), noise \(noiseStandardDeviation)")
    }
  }
}
