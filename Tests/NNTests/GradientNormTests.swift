import NN
import Tensor
import Testing

/// Global norms and clipping (PyTorch clip_grad_norm_ / clip_grad_value_), hand-worked.
@Suite struct GradientNormTests {
  /// Two parameters with gradients [3, 4] and [12]: global norm √(9 + 16 + 144) = 13.
  private func parameters() -> [Parameter] {
    let a = Parameter(name: "a", value: Tensor([1, 1]))
    a.gradient = Tensor([3, 4])
    let b = Parameter(name: "b", value: Tensor([1]))
    b.gradient = Tensor([12])
    return [a, b]
  }

  @Test func globalNorm() {
    #expect(globalGradientNorm(parameters()) == 13)
    #expect(globalGradientNorm([]) == 0)
  }

  /// Above the limit every gradient is scaled by maxNorm/(norm + 1e-6) = 6.5/13.000001.
  @Test func clipsByNorm() {
    let params = parameters()
    let before = clipGradients(params, maxNorm: 6.5)
    #expect(before == 13)
    let factor = Float(6.5 / (13 + 1e-6))
    #expect(params[0].gradient.storage == [3 * factor, 4 * factor])
    #expect(params[1].gradient.storage == [12 * factor])
    #expect(abs(globalGradientNorm(params) - 6.5) < 1e-5)
  }

  @Test func leavesSmallNormsAlone() {
    let params = parameters()
    #expect(clipGradients(params, maxNorm: 13) == 13)
    #expect(params[0].gradient.storage == [3, 4] && params[1].gradient.storage == [12])
  }

  @Test func clipsByValue() {
    let params = parameters()
    params[0].gradient = Tensor([-7, 4])
    let before = clipGradients(params, maxValue: 5)
    #expect(before == (49 + 16 + 144.0).squareRoot())
    #expect(params[0].gradient.storage == [-5, 4])
    #expect(params[1].gradient.storage == [5])
  }

  /// Penalties touch only regularised parameters: Dense weights, not biases or BatchNorm's γ, β.
  @Test func regularisedParameters() {
    let dense = Dense(inputs: 2, outputs: 2)
    let norm = BatchNorm(features: 2)
    #expect(dense.weight.isRegularized && !dense.bias.isRegularized)
    #expect(!norm.weight.isRegularized && !norm.bias.isRegularized)
    #expect(!PReLU().weight.isRegularized)
    dense.weight.value = Tensor(shape: [2, 2], storage: [1, -2, 0, 3])
    dense.bias.value = Tensor([5, 5])
    let params = dense.parameters + norm.parameters
    // λ·Σw² = 0.1·(1 + 4 + 0 + 9) = 1.4 and 2λ·w; L1: 0.1·6 = 0.6 and λ·sign(w).
    #expect(abs(l2Penalty(params, lambda: 0.1) - 1.4) < 1e-12)
    expectClose(dense.weight.gradient.storage.map(Double.init), [0.2, -0.4, 0, 0.6], tolerance: 1e-6, "L2 grad")
    #expect(abs(l1Penalty(params, lambda: 0.1) - 0.6) < 1e-12)
    expectClose(dense.weight.gradient.storage.map(Double.init), [0.3, -0.5, 0, 0.7], tolerance: 1e-6, "L2 + L1 grad")
    #expect(dense.bias.gradient.storage == [0, 0] && norm.weight.gradient.storage == [0, 0])
  }
}
