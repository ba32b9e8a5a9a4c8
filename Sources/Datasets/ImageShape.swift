/// The layout of an image sample: `channels × height × width`, row-major, channels first (PyTorch's
/// order; IDX files store colour images channels last and are reordered when read).
public struct ImageShape: Codable, Sendable, Equatable, CustomStringConvertible {
  /// Rows of pixels.
  public var height: Int
  /// Pixels per row.
  public var width: Int
  /// Values per pixel (1 for grey levels).
  public var channels: Int

  public init(height: Int, width: Int, channels: Int = 1) {
    self.height = height
    self.width = width
    self.channels = channels
  }

  /// `height * width * channels`.
  public var featureCount: Int { height * width * channels }

  /// `28x28` or `3x32x32` (as `--input-shape` writes it).
  public var description: String {
    channels == 1 ? "\(height)x\(width)" : "\(channels)x\(height)x\(width)"
  }
}
