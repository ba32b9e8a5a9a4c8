import Tensor

/// A 2-D convolution with bias over `[batch, channels, height, width]` (PyTorch `Conv2d`).
///
/// ```
/// y[n,o] = b[o] + Σ_c W[o,c] ⋆ x[n,c]       W: [out, in, k, k] (PyTorch layout), b: [out]
/// dW[o,c] = Σ_n x[n,c] ⋆ g[n,o]   db[o] = Σ_{n,y,x} g[n,o,y,x]   dx = full correlation of g with W
/// ```
/// The input may arrive flat (`[batch, in·h·w]`, as a dataset batch does): the layer reads it
/// as NCHW. oneDNN primitives are made once per batch size (`Convolution2D`) and reused.
public final class Conv2d: Layer {
  /// The geometry for one sample (`batch` 1); the batch size varies per call.
  public let window: Window2D
  /// The filters `[out, in, k, k]`, named `weight`; L1/L2 penalties apply to them.
  public let weight: Parameter
  /// One bias per output channel, named `bias`; never regularised.
  public let bias: Parameter
  /// The primitives for each batch size seen (a training and an evaluation size, usually).
  private var primitives = PrimitiveCache<Convolution2D>()

  /// A convolution from `window.channels` to `window.outChannels` channels, zero weights and bias.
  public init(window: Window2D) {
    precondition(window.with(batch: 1).isValid, "Conv2d: invalid window \(window)")
    self.window = window.with(batch: 1)
    weight = Parameter(name: "weight", value: Tensor(shape: window.weightShape), isRegularized: true)
    bias = Parameter(name: "bias", value: Tensor(shape: [window.outChannels]))
  }

  /// A convolution whose weights are drawn by `initializer` with fan-in `in·k·k` and fan-out `out·k·k`.
  public convenience init(window: Window2D, initializer: Initializer, rng: inout SeededGenerator) {
    self.init(window: window)
    let area = window.kernelHeight * window.kernelWidth
    initializer.fill(
      &weight.value, fanIn: window.channels * area, fanOut: window.outChannels * area, rng: &rng)
  }

  /// `conv 16×3×3` then ` s2` and ` p1` when set.
  public var summary: String {
    var text = "conv \(window.outChannels)×\(window.kernelHeight)×\(window.kernelWidth)"
    if window.stride != 1 { text += " s\(window.stride)" }
    if window.padding != 0 { text += " p\(window.padding)" }
    return text
  }

  /// The filters, then the bias.
  public var parameters: [Parameter] { [weight, bias] }

  /// `[out, outHeight, outWidth]`.
  public func outputShape(for inputShape: [Int]) -> [Int] {
    precondition(
      inputShape.reduce(1, *) == window.channels * window.height * window.width,
      "Conv2d \(window) cannot take \(inputShape)")
    return Array(window.outputShape.dropFirst())
  }

  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    primitive(for: input.rows).forward(input: input, weight: weight.value, bias: bias.value, into: &output)
  }

  /// dW and db from the input and g; dx when asked.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    let convolution = primitive(for: input.rows)
    convolution.backwardWeights(
      input: input, gradOutput: gradOutput, weightGradient: &weight.gradient, biasGradient: &bias.gradient)
    if computeInputGradient {
      convolution.backwardData(gradOutput: gradOutput, weight: weight.value, into: &gradInput)
    }
  }

  private func primitive(for batch: Int) -> Convolution2D {
    primitives.value(for: batch) { Convolution2D(window.with(batch: batch)) }
  }
}
