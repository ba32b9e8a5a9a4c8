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
/// (`AdagradRule.epsilon`), not `settings.epsilon`, which is Adam's and RMSProp's.
/// See Duchi et al. 2011, <https://jmlr.org/papers/v12/duchi11a.html>.
struct AdagradRule: OptimizerRule {
  /// PyTorch's Adagrad ε, added outside the square root.
  static let epsilon: Double = 1e-10
  static let kinds: Set<OptimizerKind> = [.adagrad]
  let learningRate: Float
  let weightDecay: Float

  init(kind: OptimizerKind, settings: OptimizerSettings, step: Int) {
    learningRate = Float(settings.learningRate)
    weightDecay = Float(settings.weightDecay)
  }

  func update(_ value: inout Tensor, gradient: Tensor, state: inout AdagradState) {
    precondition(value.count == gradient.count && value.count == state.sum.count, "Adagrad: shape mismatch")
    let (learningRate, weightDecay, epsilon) = (self.learningRate, self.weightDecay, Float(Self.epsilon))
    gradient.withUnsafeBufferPointer { g in
      value.withUnsafeMutableBufferPointer { p in
        state.sum.withUnsafeMutableBufferPointer { s in
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

  static var alwaysSlots: [(key: OptimizerStateKey, path: WritableKeyPath<Self, Tensor>)] { [(.sum, \.sum)] }
}
