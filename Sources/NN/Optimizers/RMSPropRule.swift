import CKernels
import Tensor

/// RMSProp (PyTorch's `RMSprop`): optional momentum and centring, no bias correction.
///
/// ```
/// g = g + λ·p                                  // coupled L2 weight decay
/// v = α·v + (1 − α)·g²
/// centered: ḡ = α·ḡ + (1 − α)·g;  denom = √(v − ḡ²) + ε
/// else:     denom = √v + ε                     // ε OUTSIDE the root (Keras puts it inside)
/// μ > 0:    b = μ·b + g/denom;  p = p − lr·b
/// else:     p = p − lr·g/denom
/// ```
/// μ is `settings.momentum`, the same knob as SGD's (traintop defaults it to 0 for RMSProp, as
/// PyTorch). `v − ḡ²` is clamped at 0 against rounding (PyTorch would return NaN there). See Hinton's lecture 6e,
/// <https://www.cs.toronto.edu/~tijmen/csc321/slides/lecture_slides_lec6.pdf>.
struct RMSPropRule: OptimizerRule {
  static let kinds: Set<OptimizerKind> = [.rmsprop]
  /// lr, α, ε, λ and μ in the C kernel's form.
  let coefficients: tt_rmsprop_coefficients
  let centered: Bool
  let usesMomentum: Bool

  init(kind: OptimizerKind, settings: OptimizerSettings, step: Int) {
    coefficients = tt_rmsprop_coefficients(
      learningRate: Float(settings.learningRate), alpha: Float(settings.alpha),
      oneMinusAlpha: Float(1 - settings.alpha), epsilon: Float(settings.epsilon),
      weightDecay: Float(settings.weightDecay), momentum: Float(settings.momentum))
    centered = settings.centered
    usesMomentum = coefficients.momentum > 0
  }

  func update(_ value: inout Tensor, gradient: Tensor, state: inout RMSPropState) {
    precondition(
      value.count == gradient.count && value.count == state.squareAvg.count, "RMSProp: shape mismatch")
    if centered && state.gradAvg == nil { state.gradAvg = Tensor.zeros(like: value) }
    if usesMomentum && state.momentumBuffer == nil { state.momentumBuffer = Tensor.zeros(like: value) }
    var c = coefficients
    let (centered, usesMomentum) = (self.centered, self.usesMomentum)
    gradient.withUnsafeBufferPointer { g in
      value.withUnsafeMutableBufferPointer { p in
        state.squareAvg.withUnsafeMutableBufferPointer { v in
          withOptionalMutablePointer(&state.gradAvg) { gradAvg in
            withOptionalMutablePointer(&state.momentumBuffer) { buffer in
              guard let pp = p.baseAddress, let gp = g.baseAddress, let vp = v.baseAddress else { return }
              tt_rmsprop_update(
                p.count, pp, gp, vp, centered ? gradAvg : nil, usesMomentum ? buffer : nil, &c)
            }
          }
        }
      }
    }
  }
}

/// One parameter's RMSProp state.
struct RMSPropState: ParameterState {
  /// The moving average of squared gradients `v`.
  var squareAvg: Tensor
  /// The momentum buffer `b`, created (zero) when momentum is first used.
  var momentumBuffer: Tensor?
  /// The moving average of gradients `ḡ`, created (zero) when centring is first used.
  var gradAvg: Tensor?

  init(like value: Tensor) { squareAvg = Tensor.zeros(like: value) }

  static var alwaysSlots: [(key: OptimizerStateKey, path: WritableKeyPath<Self, Tensor>)] {
    [(.squareAvg, \.squareAvg)]
  }
  static var optionalSlots: [(key: OptimizerStateKey, path: WritableKeyPath<Self, Tensor?>)] {
    [(.momentumBuffer, \.momentumBuffer), (.gradAvg, \.gradAvg)]
  }
}
