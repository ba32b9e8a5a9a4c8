import Tensor

/// Reshapes `[batch, d1, d2, …]` to `[batch, d1·d2·…]` (row-major, PyTorch `Flatten(start_dim=1)`).
///
/// The identity on `[batch, features]`; the gradient takes the input's shape back. After a
/// channel-blocked convolution (`block` > 0, oneDNN's nChw8c/nChw16c) it also reorders the
/// values into PyTorch's (c, h, w) order, so a following Dense matches PyTorch's columns.
public final class Flatten: Layer {
  /// The input's channel block (0: plain).
  public let block: Int
  /// Channels and positions per channel of a blocked input (unused when plain).
  private let channels: Int, spatialSize: Int

  /// A flatten of plain input.
  public init() {
    block = 0
    channels = 0
    spatialSize = 0
  }

  /// A flatten of `[channels, h, w]` images stored in blocks of `block` channels.
  public init(channels: Int, spatialSize: Int, block: Int) {
    precondition(block == 0 || (block > 0 && channels % block == 0), "Flatten: \(channels) channels, block \(block)")
    self.block = block
    self.channels = channels
    self.spatialSize = spatialSize
  }

  /// `flatten`.
  public var summary: String { "flatten" }

  /// `[c·h·w]`.
  public func outputShape(for inputShape: [Int]) -> [Int] { [inputShape.reduce(1, *)] }

  /// Copies the elements under the shape `[batch, rest]`, in (c, h, w) order.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    guard block > 0 else {
      output.copyElements(of: input, shape: [input.rows, input.columns])
      return
    }
    if output.shape != [input.rows, input.columns] { output.resize(to: [input.rows, input.columns]) }
    reorder(from: input, into: &output, toPlain: true)
  }

  /// Copies the gradient back under the input's shape (and layout).
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    guard block > 0 else {
      gradInput.copyElements(of: gradOutput, shape: input.shape)
      return
    }
    if gradInput.shape != input.shape { gradInput.resize(to: input.shape) }
    reorder(from: gradOutput, into: &gradInput, toPlain: false)
  }

  /// Moves values between the blocked layout (n, c/b, s, c%b) and the plain one (n, c, s).
  private func reorder(from source: Tensor, into target: inout Tensor, toPlain: Bool) {
    let (b, s, groups) = (block, spatialSize, channels / block)
    let samples = source.rows
    source.withUnsafeBufferPointer { from in
      target.withUnsafeMutableBufferPointer { to in
        for n in 0..<samples {
          for g in 0..<groups {
            let blocked = (n * groups + g) * s * b
            for c in 0..<b {
              let plain = (n * channels + g * b + c) * s
              for p in 0..<s {
                if toPlain {
                  to[plain + p] = from[blocked + p * b + c]
                } else {
                  to[blocked + p * b + c] = from[plain + p]
                }
              }
            }
          }
        }
      }
    }
  }
}
