/// Random changes to training batches; all zero (off) by default.
///
/// The names follow Keras's preprocessing layers and torchvision's transforms: a shift of `n`
/// pixels is torchvision's `RandomCrop(size, padding=n)` (zero padding), zoom is `RandomAffine`'s
/// `scale=(1-z, 1+z)`, brightness and contrast are `ColorJitter`'s factors drawn from
/// `[max(0, 1-b), 1+b]`.
public struct AugmentationOptions: Codable, Sendable, Equatable {
  /// Images: shift by up to this many pixels in x and y (uniform integers in `-n...n`), filling with zeros.
  public var shiftPixels: Int
  /// Images: rotate about the centre by up to this many degrees either way (uniform).
  public var rotationDegrees: Double
  /// Images and tabular: add Gaussian noise with this standard deviation (after preprocessing).
  public var noiseStandardDeviation: Double
  /// Images: scale about the centre by a factor uniform in `[1 - zoom, 1 + zoom]` (> 1 enlarges).
  public var zoom: Double
  /// Images: mirror left–right with probability ½ (wrong for digits and text, so never a default).
  public var horizontalFlip: Bool
  /// Images: multiply the raw pixel values by a factor uniform in `[max(0, 1 - b), 1 + b]` (not clipped).
  public var brightness: Double
  /// Images: blend each image with its mean, `f·x + (1-f)·mean`, f uniform in `[max(0, 1 - c), 1 + c]`.
  public var contrast: Double

  /// Creates augmentation settings; the defaults turn everything off.
  public init(
    shiftPixels: Int = 0, rotationDegrees: Double = 0, noiseStandardDeviation: Double = 0, zoom: Double = 0,
    horizontalFlip: Bool = false, brightness: Double = 0, contrast: Double = 0
  ) {
    self.shiftPixels = shiftPixels
    self.rotationDegrees = rotationDegrees
    self.noiseStandardDeviation = noiseStandardDeviation
    self.zoom = zoom
    self.horizontalFlip = horizontalFlip
    self.brightness = brightness
    self.contrast = contrast
  }

  /// Decodes the settings; missing keys are off.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    shiftPixels = try c.decodeIfPresent(Int.self, forKey: .shiftPixels) ?? 0
    rotationDegrees = try c.decodeIfPresent(Double.self, forKey: .rotationDegrees) ?? 0
    noiseStandardDeviation = try c.decodeIfPresent(Double.self, forKey: .noiseStandardDeviation) ?? 0
    zoom = try c.decodeIfPresent(Double.self, forKey: .zoom) ?? 0
    horizontalFlip = try c.decodeIfPresent(Bool.self, forKey: .horizontalFlip) ?? false
    brightness = try c.decodeIfPresent(Double.self, forKey: .brightness) ?? 0
    contrast = try c.decodeIfPresent(Double.self, forKey: .contrast) ?? 0
  }

  /// True when any augmentation is on.
  public var isEnabled: Bool { needsImages || noiseStandardDeviation > 0 }

  /// True when shift, rotation, zoom or flip is on (pixels move).
  public var usesGeometry: Bool { shiftPixels > 0 || rotationDegrees > 0 || zoom > 0 || horizontalFlip }

  /// True when brightness or contrast is on (pixel values change per image).
  public var usesPhotometry: Bool { brightness > 0 || contrast > 0 }

  /// True when an option that only makes sense for images is on.
  public var needsImages: Bool { usesGeometry || usesPhotometry }

  /// Throws for negative, non-finite or over-large settings.
  public func validate() throws {
    guard shiftPixels >= 0, shiftPixels <= 1024, rotationDegrees >= 0, rotationDegrees <= 180,
      noiseStandardDeviation >= 0, noiseStandardDeviation.isFinite, zoom >= 0, zoom <= 0.9,
      brightness >= 0, brightness <= 10, contrast >= 0, contrast <= 10
    else {
      throw DatasetError(
        "augmentation needs shift in [0, 1024] pixels, rotation in [0, 180] degrees, noise std >= 0, zoom in "
          + "[0, 0.9], brightness and contrast in [0, 10]; got shift \(shiftPixels), rotation \(rotationDegrees), "
          + "noise \(noiseStandardDeviation), zoom \(zoom), brightness \(brightness), contrast \(contrast)")
    }
  }
}
