import NN
import Tensor

/// Finite-difference checks of analytic gradients, for any `Layer` or `Loss`.
///
/// A layer is checked through the scalar `L = Σ output ⊙ R`, with `R` a fixed random
/// upstream gradient, so `dL/d(output) = R` and backward must give `dL/d(input)` and
/// `dL/d(parameter)`. Each numerical derivative is a central difference
/// `(L(x + h) − L(x − h)) / (x₊ − x₋)` where `x₊`, `x₋` are the Float32 values actually
/// stored (so rounding of the step does not bias it), and `L` is summed in Double.
/// Every forward starts from the same generator state, so Dropout keeps one mask.
public enum GradientCheck {
  /// The worst errors a layer check found.
  public struct Report: Sendable, CustomStringConvertible {
    /// The largest error over the input gradient's elements.
    public var inputError: Double
    /// The largest error over each parameter's gradient, by parameter name.
    public var parameterErrors: [String: Double]

    /// The largest of all the errors.
    public var maxError: Double { Swift.max(inputError, parameterErrors.values.max() ?? 0) }

    /// `input 1.2e-4, weight 3.0e-5, …`.
    public var description: String {
      (["input \(inputError)"] + parameterErrors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" })
        .joined(separator: ", ")
    }
  }

  /// The error measure: `|a − b| / max(|a|, |b|, floor)` (relative, absolute·1/floor for small values).
  public static func error(_ analytic: Double, _ numeric: Double, floor: Double) -> Double {
    abs(analytic - numeric) / Swift.max(abs(analytic), abs(numeric), floor)
  }

  /// Checks `layer`'s input and parameter gradients at `input` in `mode`.
  ///
  /// - Parameters:
  ///   - step: the perturbation h (1e-2 suits Float32 with smooth functions; keep inputs
  ///     farther than h from kinks such as ReLU's 0).
  ///   - floor: the smallest denominator of the error measure.
  ///   - seed: the generator state of every forward (Dropout) and the seed of `R`.
  /// - Returns: the worst errors; tests assert `maxError` is below a bound.
  public static func check(
    _ layer: any Layer, input: Tensor, mode: LayerMode = .training,
    step: Float = 1e-2, floor: Double = 0.1, seed: UInt64 = 7
  ) -> Report {
    var output = Tensor(shape: [0])
    var rng = SeededGenerator(seed: seed)
    layer.forward(input, into: &output, mode: mode, rng: &rng)
    let upstream = randomTensor(output.shape, seed: seed &+ 1)
    var gradInput = Tensor(shape: [0])
    layer.backward(
      input: input, output: output, gradOutput: upstream,
      gradInput: &gradInput, computeInputGradient: true)
    precondition(gradInput.count == input.count, "input gradient \(gradInput.shape) for input \(input.shape)")
    let analyticParameters = layer.parameters.map(\.gradient)

    let objective = { (x: Tensor) -> Double in
      var out = Tensor(shape: [0])
      var generator = SeededGenerator(seed: seed)
      layer.forward(x, into: &out, mode: mode, rng: &generator)
      return dot(out, upstream)
    }
    var perturbed = input
    let inputError = worstError(
      analytic: gradInput, step: step, floor: floor,
      read: { perturbed.storage[$0] }, write: { perturbed.storage[$0] = $1 },
      evaluate: { objective(perturbed) })
    var parameterErrors: [String: Double] = [:]
    for (parameter, analytic) in zip(layer.parameters, analyticParameters) {
      precondition(analytic.count == parameter.value.count, "\(parameter.name): gradient \(analytic.shape)")
      parameterErrors[parameter.name] = worstError(
        analytic: analytic, step: step, floor: floor,
        read: { parameter.value.storage[$0] }, write: { parameter.value.storage[$0] = $1 },
        evaluate: { objective(input) })
    }
    return Report(inputError: inputError, parameterErrors: parameterErrors)
  }

  /// Checks `loss`'s gradient with respect to `output`; returns the worst error.
  public static func check(
    _ loss: any Loss, output: Tensor, target: LossTarget, step: Float = 1e-2, floor: Double = 0.1
  ) -> Double {
    var gradient = Tensor(shape: [0])
    _ = loss.evaluate(output, target, gradient: &gradient)
    var perturbed = output
    return worstError(
      analytic: gradient, step: step, floor: floor,
      read: { perturbed.storage[$0] }, write: { perturbed.storage[$0] = $1 },
      evaluate: {
        var scratch = Tensor(shape: [0])
        return loss.evaluate(perturbed, target, gradient: &scratch)
      })
  }

  /// Perturbs each element by ±`step` through `write` (then restores it), comparing central
  /// differences of `evaluate` with `analytic`.
  private static func worstError(
    analytic: Tensor, step: Float, floor: Double,
    read: (Int) -> Float, write: (Int, Float) -> Void, evaluate: () -> Double
  ) -> Double {
    var worst: Double = 0
    for i in 0..<analytic.count {
      let original = read(i)
      let plus = original + step
      let minus = original - step
      write(i, plus)
      let high = evaluate()
      write(i, minus)
      let low = evaluate()
      write(i, original)
      let numeric = (high - low) / (Double(plus) - Double(minus))
      worst = Swift.max(worst, error(Double(analytic.storage[i]), numeric, floor: floor))
    }
    return worst
  }

  /// `Σ a ⊙ b` in Double.
  private static func dot(_ a: Tensor, _ b: Tensor) -> Double {
    precondition(a.count == b.count, "dot: \(a.shape) vs \(b.shape)")
    var sum: Double = 0
    for i in 0..<a.count { sum += Double(a.storage[i]) * Double(b.storage[i]) }
    return sum
  }

  /// A tensor of uniform values in `range`, redrawing any closer than `awayFromZero` to 0.
  public static func randomTensor(
    _ shape: [Int], seed: UInt64, range: ClosedRange<Float> = -1...1, awayFromZero: Float = 0
  ) -> Tensor {
    var rng = SeededGenerator(seed: seed)
    let count = shape.reduce(1, *)
    var values: [Float] = []
    values.reserveCapacity(count)
    while values.count < count {
      let value = range.lowerBound + rng.nextUniform() * (range.upperBound - range.lowerBound)
      if abs(value) >= awayFromZero { values.append(value) }
    }
    return Tensor(shape: shape, storage: values)
  }
}
