import Tensor

/// A fully connected layer with bias.
///
/// ```
/// y = x·Wᵀ + b          W: [outputs, inputs] (PyTorch layout), b: [outputs]
/// dW = gᵀ·x   db = Σ_rows g   dx = g·W
/// ```
/// Weights start at zero; fill them with an `Initializer` (as `Sequential` does) or load them.
public final class Dense: Layer {
  /// The number of input features.
  public let inputs: Int
  /// The number of output features.
  public let outputs: Int
  /// The weight matrix `[outputs, inputs]`, named `weight`; L1/L2 penalties apply to it.
  public let weight: Parameter
  /// The bias vector `[outputs]`, named `bias`; never regularised.
  public let bias: Parameter

  /// Creates a layer mapping `inputs` features to `outputs`, with zero weights and bias.
  public init(inputs: Int, outputs: Int) {
    precondition(inputs > 0 && outputs > 0, "Dense needs positive sizes, got \(inputs)→\(outputs)")
    self.inputs = inputs
    self.outputs = outputs
    weight = Parameter(name: "weight", value: Tensor(shape: [outputs, inputs]), isRegularized: true)
    bias = Parameter(name: "bias", value: Tensor(shape: [outputs]))
  }

  /// Creates a layer whose weights are drawn by `initializer` (bias zero).
  public convenience init(
    inputs: Int, outputs: Int, initializer: Initializer, rng: inout SeededGenerator
  ) {
    self.init(inputs: inputs, outputs: outputs)
    initializer.fill(&weight.value, fanIn: inputs, fanOut: outputs, rng: &rng)
  }

  /// `dense <inputs>→<outputs>`.
  public var summary: String { "dense \(inputs)→\(outputs)" }

  /// The weight, then the bias.
  public var parameters: [Parameter] { [weight, bias] }

  /// Always `[outputs]`.
  public func outputShape(for inputShape: [Int]) -> [Int] {
    precondition(inputShape.reduce(1, *) == inputs, "Dense expects \(inputs) inputs, got \(inputShape)")
    return [outputs]
  }

  /// `output = b + input·Wᵀ`: the bias broadcast into every row, then one gemm with β = 1
  /// (one pass over the output instead of BLAS zeroing it and a separate bias add).
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    precondition(input.columns == inputs, "Dense expects \(inputs) features, got \(input.shape)")
    if output.shape != [input.rows, outputs] { output.resize(to: [input.rows, outputs]) }
    output.fillRows(with: bias.value)
    Tensor.gemm(input, weight.value, transposeB: true, into: &output, beta: 1)
  }

  /// dW = gᵀ·x, db = column sums of g, dx = g·W.
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    precondition(gradOutput.columns == outputs, "Dense: gradient \(gradOutput.shape) for \(outputs) outputs")
    Tensor.gemm(gradOutput, transposeA: true, input, into: &weight.gradient)
    gradOutput.sumRows(into: &bias.gradient)
    if computeInputGradient {
      Tensor.gemm(gradOutput, weight.value, into: &gradInput)
    }
  }
}
