import Tensor

/// Max or average pooling over `[batch, channels, height, width]` (PyTorch `MaxPool2d`,
/// `AvgPool2d`, and `AdaptiveAvgPool2d(1)` when the window covers the whole image).
///
/// ```
/// max:      y = max over the window;  dx: g goes to the first maximum (PyTorch's rule on ties)
/// average:  y = Σ window / (kh·kw);   dx: g/(kh·kw) to every position of the window
/// ```
public final class Pool2d: Layer {
  /// The geometry for one sample.
  public let window: Window2D
  /// Max or average.
  public let kind: Pooling2D.Kind
  /// Whether the window is the whole image (global average pooling).
  public let isGlobal: Bool
  private var primitives = PrimitiveCache<Pooling2D>()

  /// Pools `window` (its `outChannels` must equal its channels).
  public init(window: Window2D, kind: Pooling2D.Kind, isGlobal: Bool = false) {
    precondition(window.with(batch: 1).isValid, "Pool2d: invalid window \(window)")
    self.window = window.with(batch: 1)
    self.kind = kind
    self.isGlobal = isGlobal
  }

  /// `maxpool 2`, `avgpool 3 s2`, `global avgpool`.
  public var summary: String {
    if isGlobal { return "global avgpool" }
    var text = "\(kind == .max ? "maxpool" : "avgpool") \(window.kernelHeight)"
    if window.stride != window.kernelHeight { text += " s\(window.stride)" }
    if window.padding != 0 { text += " p\(window.padding)" }
    return text
  }

  /// `[channels, outHeight, outWidth]`.
  public func outputShape(for inputShape: [Int]) -> [Int] {
    precondition(
      inputShape.reduce(1, *) == window.channels * window.height * window.width,
      "Pool2d \(window) cannot take \(inputShape)")
    return Array(window.outputShape.dropFirst())
  }

  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    primitive(for: input.rows).forward(input, into: &output)
  }

  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    guard computeInputGradient else { return }
    primitive(for: input.rows).backward(gradOutput: gradOutput, into: &gradInput)
  }

  private func primitive(for batch: Int) -> Pooling2D {
    primitives.value(for: batch) { Pooling2D(window.with(batch: batch), kind: kind) }
  }
}
