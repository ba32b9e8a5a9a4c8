import CKernels
import Tensor

/// Rectified linear unit: `y = max(x, 0)`, derivative 0 at exactly 0 (PyTorch).
///
/// It can also watch for dead units: with `tracksActivity` on, each training forward raises each
/// unit's (feature's, or image channel's) running maximum, until `resetActivity()`; a unit whose
/// maximum is still 0 was never positive for any sample or position.
public final class ReLU: Layer {
  /// Units per sample: features for `[batch, features]`, channels for images (0: taken from the
  /// output's columns, for a plain `[batch, features]` layer).
  public let units: Int
  /// Positions per channel (`height·width`; 1 for features).
  public let spatialSize: Int
  /// The images' channel block (0: plain NCHW; 8 or 16: oneDNN's nChw8c/nChw16c).
  public let block: Int
  /// Whether training forwards mark active units (off: the forward does nothing more).
  public var tracksActivity = false
  /// Per unit: the largest output since the last reset (empty until the first tracked forward);
  /// a unit whose largest output is 0 never fired.
  public private(set) var maxima: [Float] = []

  /// Creates the layer (it has no parameters) for `units` units of `spatialSize` positions each.
  public init(units: Int = 0, spatialSize: Int = 1, block: Int = 0) {
    precondition(block == 0 || units % block == 0, "ReLU: \(units) channels in blocks of \(block)")
    self.units = units
    self.spatialSize = spatialSize
    self.block = block
  }

  /// `relu`.
  public var summary: String { ActivationKind.relu.rawValue }

  /// `y = max(x, 0)`.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    if tracksActivity, mode == .training, forwardTracking(input, into: &output) { return }
    output.map(from: input) { $0 > 0 ? $0 : 0 }
  }

  /// `dx = g·[x > 0]`.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    gradInput.mapGradient(input: input, output: output, gradOutput: gradOutput) { x, _, g in
      x > 0 ? g : 0
    }
  }

  /// Forgets which units were active (at an epoch start).
  public func resetActivity() {
    for index in maxima.indices { maxima[index] = 0 }
  }

  /// The units never positive since the last reset, and the unit count (nil before any tracked forward).
  public var deadUnits: (dead: Int, units: Int)? {
    guard !maxima.isEmpty else { return nil }
    return (maxima.lazy.filter { $0 <= 0 }.count, maxima.count)
  }

  /// The forward with each unit's maximum raised to its largest output, in one vectorised pass
  /// (`tt_relu_tracking`); false (nothing done) when `input` does not divide into this layer's units.
  /// The storage is read as `[batch][channel blocks][positions][lanes]`, which covers features (one
  /// block of `units` lanes, one position), plain NCHW (lanes 1) and oneDNN's blocked layouts
  /// (lanes = the block).
  func forwardTracking(_ input: Tensor, into output: inout Tensor) -> Bool {
    let unitCount = units > 0 ? units : input.columns
    guard unitCount > 0, input.count > 0, input.count % (unitCount * spatialSize) == 0 else { return false }
    if maxima.count != unitCount { maxima = [Float](repeating: 0, count: unitCount) }
    if output.shape != input.shape { output.resize(to: input.shape) }
    let lanes = units == 0 || spatialSize == 1 ? unitCount : max(1, block)
    let samples = input.count / (unitCount * spatialSize)
    input.withUnsafeBufferPointer { x in
      output.withUnsafeMutableBufferPointer { y in
        maxima.withUnsafeMutableBufferPointer { m in
          tt_relu_tracking(samples, unitCount / lanes, spatialSize, lanes, x.baseAddress, y.baseAddress, m.baseAddress)
        }
      }
    }
    return true
  }
}
