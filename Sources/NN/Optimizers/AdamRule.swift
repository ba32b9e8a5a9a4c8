import CKernels
import Foundation
import Tensor

/// Adam with coupled L2 (kind `.adam`) or AdamW with decoupled weight decay (kind `.adamw`);
/// optional AMSGrad. PyTorch's `Adam` / `AdamW`; `t` is the optimizer's step count.
///
/// ```
/// t = t + 1
/// AdamW: p = p·(1 − lr·λ)          // FIRST, with the current lr
/// Adam:  g = g + λ·p               // coupled L2, goes through m and v
/// m = β1·m + (1 − β1)·g
/// v = β2·v + (1 − β2)·g²
/// v̂ = amsgrad ? (vmax = max(vmax, v)) : v
/// p = p − (lr / (1 − β1ᵗ)) · m / (√v̂ / √(1 − β2ᵗ) + ε)
/// ```
/// Bias corrections use the β values of the current step, so editing β1 mid-run changes them
/// (as in PyTorch). See Kingma & Ba 2014, <https://arxiv.org/abs/1412.6980>, and
/// Loshchilov & Hutter 2017, <https://arxiv.org/abs/1711.05101>.
struct AdamRule: OptimizerRule {
  static let kinds: Set<OptimizerKind> = [.adam, .adamw]
  /// The step's coefficients in the C kernel's form: `decay` multiplies the parameter first
  /// (`1 − lr·λ` for AdamW, 1 for Adam), `l2` is the coupled L2 coefficient (λ for Adam, 0 for
  /// AdamW), `stepSize` is `lr / (1 − β1ᵗ)` and `inverseCorrection2Root` is `1 / √(1 − β2ᵗ)`.
  let coefficients: tt_adam_coefficients
  let amsgrad: Bool

  init(kind: OptimizerKind, settings s: OptimizerSettings, step t: Int) {
    let decoupled = kind == .adamw
    // PyTorch divides √v by √(1 − β2^t); multiplying by the reciprocal differs by at most an ulp.
    coefficients = tt_adam_coefficients(
      decay: decoupled ? Float(1 - s.learningRate * s.weightDecay) : 1, l2: decoupled ? 0 : Float(s.weightDecay),
      beta1: Float(s.beta1), oneMinusBeta1: Float(1 - s.beta1), beta2: Float(s.beta2),
      oneMinusBeta2: Float(1 - s.beta2), stepSize: Float(s.learningRate / (1 - pow(s.beta1, Double(t)))),
      inverseCorrection2Root: Float(1 / (1 - pow(s.beta2, Double(t))).squareRoot()), epsilon: Float(s.epsilon))
    amsgrad = s.amsgrad
  }

  /// `exp_avg` and `exp_avg_sq` once a step has run, and `max_exp_avg_sq` too when AMSGrad is on.
  static func stateKeys(
    kind: OptimizerKind, settings: OptimizerSettings, stepCount: Int
  ) -> (required: Set<OptimizerStateKey>, allowed: Set<OptimizerStateKey>) {
    let required = stepCount == 0 ? [] : State.alwaysKeys.union(settings.amsgrad ? [.maxExpAvgSq] : [])
    return (required, State.allKeys)
  }

  /// Applies one step to `value` (elementwise, in place), with the vectorised C kernel.
  ///
  /// Every lane does exactly the scalar formula's IEEE operations in the same order, so the
  /// result depends neither on where the vector loop ends nor on the CPU's vector width.
  func update(_ value: inout Tensor, gradient: Tensor, state: inout AdamState) {
    precondition(
      value.count == gradient.count && value.count == state.m.count, "Adam: shape mismatch")
    if amsgrad && state.vMax == nil { state.vMax = Tensor.zeros(like: value) }
    var c = coefficients
    gradient.withUnsafeBufferPointer { g in
      value.withUnsafeMutableBufferPointer { p in
        state.m.withUnsafeMutableBufferPointer { m in
          state.v.withUnsafeMutableBufferPointer { v in
            withOptionalMutablePointer(&state.vMax) { vMax in
              guard let pp = p.baseAddress, let gp = g.baseAddress, let mp = m.baseAddress,
                let vp = v.baseAddress
              else { return }
              tt_adam_update(p.count, pp, gp, mp, vp, amsgrad ? vMax : nil, &c)
            }
          }
        }
      }
    }
  }
}

/// One parameter's Adam state (tinygrad's `m[i]`, `v[i]`).
struct AdamState: ParameterState {
  /// The first moment `m`.
  var m: Tensor
  /// The second moment `v`.
  var v: Tensor
  /// AMSGrad's running maximum of `v`, created (zero) when AMSGrad is first used.
  var vMax: Tensor?

  init(like value: Tensor) {
    m = Tensor.zeros(like: value)
    v = Tensor.zeros(like: value)
  }

  static var alwaysSlots: [(key: OptimizerStateKey, path: WritableKeyPath<Self, Tensor>)] {
    [(.expAvg, \.m), (.expAvgSq, \.v)]
  }
  static var optionalSlots: [(key: OptimizerStateKey, path: WritableKeyPath<Self, Tensor?>)] {
    [(.maxExpAvgSq, \.vMax)]
  }
}
