import CKernels
import Tensor

/// Adagrad (PyTorch's `Adagrad`, lr_decay 0, initial accumulator 0).
///
/// ```
/// g = g + λ·p                    // coupled L2 weight decay
/// s = s + g²
/// p = p − lr · g / (√s + ε)      // ε = 1e-10, OUTSIDE the root
/// ```
/// The first step is `p − lr·sign(g)` (exactly 0 where g = 0). ε is PyTorch's Adagrad default
/// (`Adagrad.epsilon`), not `settings.epsilon`, which is Adam's and RMSProp's.
/// See Duchi et al. 2011, <https://jmlr.org/papers/v12/duchi11a.html>.
public final class Adagrad: Optimizer {
  /// PyTorch's Adagrad ε, added outside the square root.
  public static let epsilon: Double = 1e-10

  /// Always `.adagrad`.
  public let kind = OptimizerKind.adagrad
  /// Read afresh at every step: `learningRate`, `weightDecay`.
  public var settings: OptimizerSettings
  /// Steps taken (PyTorch's `step`).
  public private(set) var stepCount = 0
  private var table = StateTable<AdagradState>()

  /// An Adagrad optimizer.
  public init(settings: OptimizerSettings) {
    self.settings = settings
  }

  /// Updates every parameter in place from its gradient.
  public func step(_ parameters: [Parameter]) {
    if table.align(with: parameters) { stepCount = 0 }
    stepCount += 1
    let learningRate = Float(settings.learningRate)
    let weightDecay = Float(settings.weightDecay)
    for (index, parameter) in parameters.enumerated() where !parameter.isFrozen {
      Self.update(
        &parameter.value, gradient: parameter.gradient, sum: &table.states[index].sum,
        learningRate: learningRate, weightDecay: weightDecay)
    }
  }

  /// `<name>.sum` for every parameter once a step has run.
  public func exportState(_ parameters: [Parameter]) -> [String: Tensor] {
    table.export(parameters)
  }

  /// Restores `sum` (required once a step has run).
  public func importState(_ state: [String: Tensor], stepCount: Int, parameters: [Parameter]) throws {
    guard stepCount >= 0 else { throw OptimizerStateError.invalidStepCount(stepCount) }
    try table.restore(
      from: state, parameters: parameters,
      required: stepCount > 0 ? [.sum] : [], allowed: [.sum])
    self.stepCount = stepCount
  }

  /// One parameter's Adagrad step (elementwise, in place).
  static func update(
    _ value: inout Tensor, gradient: Tensor, sum: inout Tensor,
    learningRate: Float, weightDecay: Float
  ) {
    precondition(value.count == gradient.count && value.count == sum.count, "Adagrad: shape mismatch")
    let epsilon = Float(Self.epsilon)
    gradient.withUnsafeBufferPointer { g in
      value.withUnsafeMutableBufferPointer { p in
        sum.withUnsafeMutableBufferPointer { s in
          guard let pp = p.baseAddress, let gp = g.baseAddress, let sp = s.baseAddress else { return }
          tt_adagrad_update(p.count, pp, gp, sp, learningRate, weightDecay, epsilon)
        }
      }
    }
  }
}

/// One parameter's Adagrad state.
struct AdagradState: ParameterState {
  /// The running sum of squared gradients.
  var sum: Tensor

  init(like value: Tensor) { sum = Tensor.zeros(like: value) }

  var namedTensors: [(key: OptimizerStateKey, tensor: Tensor)] { [(.sum, sum)] }

  mutating func restore(_ key: OptimizerStateKey, _ tensor: Tensor) {
    precondition(key == .sum, "Adagrad has no state '\(key.rawValue)'")
    sum = tensor
  }
}
