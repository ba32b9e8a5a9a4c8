/// The geometry of a 2-D convolution or pooling over an NCHW batch: the input's extent, the
/// window, its stride and the zero padding added on every side.
///
/// ```
/// outHeight = (height + 2·padding − kernelHeight)/stride + 1     (floor, as PyTorch)
/// ```
public struct Window2D: Sendable, Hashable, CustomStringConvertible {
  /// Samples in the batch.
  public var batch: Int
  /// Input channels.
  public var channels: Int
  /// Input rows.
  public var height: Int
  /// Input columns.
  public var width: Int
  /// Output channels: a convolution's filter count; equal to `channels` for pooling.
  public var outChannels: Int
  /// Window rows.
  public var kernelHeight: Int
  /// Window columns.
  public var kernelWidth: Int
  /// The step between windows, in both directions.
  public var stride: Int
  /// Zeros added before and after the input, in both directions.
  public var padding: Int
  /// The input's memory layout: 0 for plain NCHW, or the channel block of oneDNN's nChw8c /
  /// nChw16c (`ComputeEngine.channelBlock(for:)`). Pooling keeps it for its output.
  public var inputBlock = 0
  /// The output's memory layout (convolution only), as `inputBlock`.
  public var outputBlock = 0

  /// A window over `[batch, channels, height, width]`; `outChannels` defaults to `channels`.
  public init(
    batch: Int, channels: Int, height: Int, width: Int, outChannels: Int? = nil,
    kernelHeight: Int, kernelWidth: Int, stride: Int = 1, padding: Int = 0
  ) {
    self.batch = batch
    self.channels = channels
    self.height = height
    self.width = width
    self.outChannels = outChannels ?? channels
    self.kernelHeight = kernelHeight
    self.kernelWidth = kernelWidth
    self.stride = stride
    self.padding = padding
  }

  /// Output rows (at least 1 when `isValid`).
  public var outHeight: Int { (height + 2 * padding - kernelHeight) / stride + 1 }
  /// Output columns.
  public var outWidth: Int { (width + 2 * padding - kernelWidth) / stride + 1 }

  /// Whether every extent is positive, the padded input holds one window, and each blocked
  /// layout's channel count is a multiple of its block.
  public var isValid: Bool {
    batch > 0 && channels > 0 && height > 0 && width > 0 && outChannels > 0 && kernelHeight > 0
      && kernelWidth > 0 && stride > 0 && padding >= 0 && height + 2 * padding >= kernelHeight
      && width + 2 * padding >= kernelWidth && Self.fits(inputBlock, channels)
      && Self.fits(outputBlock, outChannels)
  }

  private static func fits(_ block: Int, _ channels: Int) -> Bool {
    block == 0 || ((block == 8 || block == 16) && channels % block == 0)
  }

  /// The input's shape `[batch, channels, height, width]`.
  public var inputShape: [Int] { [batch, channels, height, width] }
  /// The output's shape `[batch, outChannels, outHeight, outWidth]`.
  public var outputShape: [Int] { [batch, outChannels, outHeight, outWidth] }
  /// A convolution's weight shape `[outChannels, channels, kernelHeight, kernelWidth]` (PyTorch's).
  public var weightShape: [Int] { [outChannels, channels, kernelHeight, kernelWidth] }

  /// The same window over a batch of `batch` samples.
  public func with(batch: Int) -> Window2D {
    var copy = self
    copy.batch = batch
    return copy
  }

  /// `16×3×3 s2 p1 on 1×28×28`, then the blocks when not plain.
  public var description: String {
    let blocks = inputBlock == 0 && outputBlock == 0 ? "" : " (blocks \(inputBlock)→\(outputBlock))"
    return "\(outChannels)×\(kernelHeight)×\(kernelWidth) s\(stride) p\(padding) on \(channels)×\(height)×\(width)"
      + blocks
  }
}
