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
struct SGDRule: OptimizerRule {
  static let kinds: Set<OptimizerKind> = [.sgd, .momentum, .nesterov]
  /// lr, μ and λ in the C kernel's form.
  let coefficients: tt_sgd_coefficients
  let nesterov: Bool
  let usesMomentum: Bool

  init(kind: OptimizerKind, settings: OptimizerSettings, step: Int) {
    coefficients = tt_sgd_coefficients(
      learningRate: Float(settings.learningRate), momentum: Float(settings.momentum),
      weightDecay: Float(settings.weightDecay))
    nesterov = kind == .nesterov
    usesMomentum = kind != .sgd && settings.momentum != 0
  }

  /// Optional `momentum_buffer`s (a missing buffer means no momentum step has run yet); none for plain SGD.
  static func stateKeys(
    kind: OptimizerKind, settings: OptimizerSettings, stepCount: Int
  ) -> (required: Set<OptimizerStateKey>, allowed: Set<OptimizerStateKey>) {
    ([], kind == .sgd ? [] : State.allKeys)
  }

  func update(_ value: inout Tensor, gradient: Tensor, state: inout SGDState) {
    precondition(value.count == gradient.count, "SGD: gradient \(gradient.shape) for \(value.shape)")
    let isFirst = usesMomentum && state.momentumBuffer == nil
    if isFirst { state.momentumBuffer = Tensor.zeros(like: value) }
    precondition(
      state.momentumBuffer.map { $0.count == value.count } ?? true,
      "SGD: momentum buffer does not match \(value.shape)")
    var c = coefficients
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

/// One parameter's SGD state: the momentum buffer, created by the first momentum step.
struct SGDState: ParameterState {
  /// The velocity `b`; `nil` until the first step with momentum.
  var momentumBuffer: Tensor?

  init(like value: Tensor) {}

  static var optionalSlots: [(key: OptimizerStateKey, path: WritableKeyPath<Self, Tensor?>)] {
    [(.momentumBuffer, \.momentumBuffer)]
  }
}
