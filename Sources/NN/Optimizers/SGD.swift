import CKernels
import Tensor

/// Stochastic gradient descent, plain or with heavy-ball or Nesterov momentum (PyTorch's `SGD`, dampening 0).
///
/// ```
/// d = g + λ·p                         // coupled L2 weight decay
/// b = (first step) ? d : μ·b + d      // momentum kinds only (μ ≠ 0)
/// d = nesterov ? d + μ·b : b
/// p = p − lr·d
/// ```
/// The learning rate stays outside the buffer, so a new rate acts on the next step and the
/// buffer keeps its scale. Nesterov is PyTorch's form (no look-ahead evaluation).
/// Kind `.sgd` ignores `settings.momentum`. See Sutskever et al. 2013,
/// <https://proceedings.mlr.press/v28/sutskever13.html>.
public final class SGD: Optimizer {
  /// `.sgd`, `.momentum` or `.nesterov`.
  public let kind: OptimizerKind
  /// Read afresh at every step: `learningRate`, `momentum`, `weightDecay`.
  public var settings: OptimizerSettings
  /// Steps taken (PyTorch's SGD keeps no counter; kept here for the trainer and checkpoints).
  public private(set) var stepCount = 0
  private var table = StateTable<SGDState>()

  /// An SGD optimizer of `kind` (`.sgd`, `.momentum` or `.nesterov`).
  public init(kind: OptimizerKind = .sgd, settings: OptimizerSettings) {
    precondition([.sgd, .momentum, .nesterov].contains(kind), "SGD cannot run \(kind)")
    self.kind = kind
    self.settings = settings
  }

  /// Updates every parameter in place from its gradient.
  public func step(_ parameters: [Parameter]) {
    if table.align(with: parameters) { stepCount = 0 }
    stepCount += 1
    let rule = SGDRule(kind: kind, settings: settings)
    for (index, parameter) in parameters.enumerated() where !parameter.isFrozen {
      rule.update(&parameter.value, gradient: parameter.gradient, state: &table.states[index])
    }
  }

  /// `<name>.momentum_buffer` for every parameter once a momentum step has run.
  public func exportState(_ parameters: [Parameter]) -> [String: Tensor] {
    table.export(parameters)
  }

  /// Restores `momentum_buffer`s (optional: a missing buffer means no momentum step has run yet).
  public func importState(_ state: [String: Tensor], stepCount: Int, parameters: [Parameter]) throws {
    guard stepCount >= 0 else { throw OptimizerStateError.invalidStepCount(stepCount) }
    let allowed: Set<OptimizerStateKey> = kind == .sgd ? [] : [.momentumBuffer]
    try table.restore(from: state, parameters: parameters, required: [], allowed: allowed)
    self.stepCount = stepCount
  }
}

/// One parameter's SGD state: the momentum buffer, created by the first momentum step.
struct SGDState: ParameterState {
  /// The velocity `b`; `nil` until the first step with momentum.
  var momentumBuffer: Tensor?

  init(like value: Tensor) {}

  var namedTensors: [(key: OptimizerStateKey, tensor: Tensor)] {
    momentumBuffer.map { [(.momentumBuffer, $0)] } ?? []
  }

  mutating func restore(_ key: OptimizerStateKey, _ tensor: Tensor) {
    precondition(key == .momentumBuffer, "SGD has no state '\(key.rawValue)'")
    momentumBuffer = tensor
  }
}

/// The SGD rule for one step, with its coefficients read from the settings.
struct SGDRule {
  let learningRate: Float
  let momentum: Float
  let weightDecay: Float
  let nesterov: Bool
  let usesMomentum: Bool

  init(kind: OptimizerKind, settings: OptimizerSettings) {
    learningRate = Float(settings.learningRate)
    momentum = Float(settings.momentum)
    weightDecay = Float(settings.weightDecay)
    nesterov = kind == .nesterov
    usesMomentum = kind != .sgd && settings.momentum != 0
  }

  /// Applies one step to `value` (elementwise, in place).
  func update(_ value: inout Tensor, gradient: Tensor, state: inout SGDState) {
    precondition(value.count == gradient.count, "SGD: gradient \(gradient.shape) for \(value.shape)")
    let isFirst = usesMomentum && state.momentumBuffer == nil
    if isFirst { state.momentumBuffer = Tensor.zeros(like: value) }
    precondition(
      state.momentumBuffer.map { $0.count == value.count } ?? true,
      "SGD: momentum buffer does not match \(value.shape)")
    var c = tt_sgd_coefficients(learningRate: learningRate, momentum: momentum, weightDecay: weightDecay)
    let (usesMomentum, nesterov) = (self.usesMomentum, self.nesterov)
    gradient.withUnsafeBufferPointer { g in
      value.withUnsafeMutableBufferPointer { p in
        withOptionalMutablePointer(&state.momentumBuffer) { buffer in
          guard let pp = p.baseAddress, let gp = g.baseAddress else { return }
          tt_sgd_update(
            p.count, pp, gp, usesMomentum ? buffer : nil, isFirst ? 1 : 0, nesterov ? 1 : 0, &c)
        }
      }
    }
  }
}
