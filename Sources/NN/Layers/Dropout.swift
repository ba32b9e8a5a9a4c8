import Tensor

/// Inverted dropout: in training, zeroes each element with probability `rate` and scales the rest by 1/(1 − rate).
///
/// ```
/// training:   y = x·m/(1 − p),  m ~ Bernoulli(1 − p) (1 = keep),  dx = g·m/(1 − p)
/// evaluation: y = x,  dx = g
/// ```
/// The mask is drawn from the `rng` passed to `forward` and kept (pre-scaled) for `backward`.
///
/// Spatial dropout (`channels` > 0; PyTorch's `Dropout2d`, Keras's `SpatialDropout2D`) draws one
/// keep-or-drop per channel of each image and applies it to the whole channel, so neighbouring
/// pixels, which are strongly correlated, are dropped together. It reads the image in either
/// layout: plain NCHW or channel-blocked (`block` channels innermost, as oneDNN keeps them).
public final class Dropout: Layer {
  /// The probability p of dropping an element, in [0, 1); the trainer changes it between steps (`:dropout`).
  public var rate: Double {
    didSet { precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1), got \(rate)") }
  }
  /// The scaled mask of the last training forward: 0 (dropped) or 1/(1 − p) (kept).
  public private(set) var mask = Tensor(shape: [0])
  /// Whether the last forward applied `mask` (training with p > 0) or was the identity.
  private var maskApplied = false
  /// Spatial dropout's image: channels (0 for element-wise dropout), positions per channel, and
  /// the channel block of its layout (0: plain).
  private let channels: Int, spatialSize: Int, block: Int
  /// One image's per-channel scale (0 or 1/(1 − p)), reused.
  private var channelScale: [Float] = []

  /// Creates the layer dropping elements with probability `rate`.
  public init(rate: Double) {
    precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1), got \(rate)")
    self.rate = rate
    (channels, spatialSize, block) = (0, 0, 0)
  }

  /// Creates spatial dropout of `[channels, h, w]` images (`spatialSize` = h·w) stored in blocks
  /// of `block` channels (0: plain), dropping whole channels with probability `rate`.
  public init(rate: Double, channels: Int, spatialSize: Int, block: Int) {
    precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1), got \(rate)")
    precondition(channels > 0 && spatialSize > 0, "spatial dropout of \(channels) channels × \(spatialSize)")
    precondition(block == 0 || channels % block == 0, "spatial dropout: \(channels) channels, block \(block)")
    self.rate = rate
    (self.channels, self.spatialSize, self.block) = (channels, spatialSize, block)
    channelScale = [Float](repeating: 0, count: channels)
  }

  /// `dropout <p>` or `dropout2d <p>`.
  public var summary: String { channels > 0 ? "dropout2d \(rate)" : "dropout \(rate)" }

  /// Draws a fresh mask and applies it in training; copies the input in evaluation.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    guard mode == .training && rate > 0 else {
      maskApplied = false
      output.assign(input)
      return
    }
    if mask.shape != input.shape { mask.resize(to: input.shape) }
    let threshold = Float(rate)
    let scale = Float(1 / (1 - rate))
    if channels > 0 {
      drawChannelMask(images: input.count / (channels * spatialSize), threshold: threshold, scale: scale, rng: &rng)
    } else {
      mask.withUnsafeMutableBufferPointer { m in
        for i in 0..<m.count { m[i] = rng.nextUniform() >= threshold ? scale : 0 }
      }
    }
    applyMask(input, into: &output)
  }

  /// Fills `mask` with one draw per channel of each image, spread over the channel's positions:
  /// image n, channel c at position s is at `((n·C/B + c/B)·S + s)·B + c mod B` with B the block,
  /// which for the plain layout (B = 1) is `(n·C + c)·S + s`.
  private func drawChannelMask(images: Int, threshold: Float, scale: Float, rng: inout SeededGenerator) {
    let perImage = channels * spatialSize
    let blockWidth = max(block, 1)
    mask.withUnsafeMutableBufferPointer { m in
      for image in 0..<images {
        for c in 0..<channels { channelScale[c] = rng.nextUniform() >= threshold ? scale : 0 }
        let base = image * perImage
        for group in 0..<(channels / blockWidth) {
          for s in 0..<spatialSize {
            let start = base + (group * spatialSize + s) * blockWidth
            for inner in 0..<blockWidth { m[start + inner] = channelScale[group * blockWidth + inner] }
          }
        }
      }
    }
  }

  /// Applies a given 0/1 keep `keepMask` (1 = keep) as a training forward would, for reproducing a reference.
  public func forward(_ input: Tensor, into output: inout Tensor, keepMask: Tensor) {
    precondition(keepMask.count == input.count, "dropout mask \(keepMask.shape) for \(input.shape)")
    let scale = Float(1 / (1 - rate))
    mask.map(from: keepMask) { $0 * scale }
    applyMask(input, into: &output)
  }

  private func applyMask(_ input: Tensor, into output: inout Tensor) {
    maskApplied = true
    if output.shape != input.shape { output.resize(to: input.shape) }
    input.withUnsafeBufferPointer { x in
      mask.withUnsafeBufferPointer { m in
        output.withUnsafeMutableBufferPointer { y in
          for i in 0..<y.count { y[i] = x[i] * m[i] }
        }
      }
    }
  }

  /// `dx = g·m/(1 − p)` after a training forward, `dx = g` after an evaluation one.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    gradInput.copyElements(of: gradOutput, shape: input.shape)
    if maskApplied { gradInput.multiply(by: mask) }
  }
}
