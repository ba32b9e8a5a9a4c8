/// The layout of an image sample: `height × width × channels`, row-major, channels last.
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

  /// `28x28` or `32x32x3`.
  public var description: String {
    channels == 1 ? "\(height)x\(width)" : "\(height)x\(width)x\(channels)"
  }
}
