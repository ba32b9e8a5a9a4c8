import Foundation
import NN
import Tensor
import TestSupport
import Testing

/// Analytic gradients of every layer and loss against central finite differences (TestSupport.GradientCheck).
///
/// Float32 forwards with step 1e-2 and sums in Double give errors of 1e-8 to 1e-3 here (most
/// near 1e-5); a wrong gradient (a missing term, a wrong sign or scale) gives errors of order 1.
@Suite struct GradientCheckTests {
  /// The bound on `GradientCheck`'s error measure (|a − n| / max(|a|, |n|, 0.1)).
  static let bound = 1e-2

  /// A `[rows, columns]` input with no element within 0.1 of 0 (ReLU-family kinks are at 0).
  private func input(_ rows: Int = 4, _ columns: Int = 5, seed: UInt64 = 11, scale: Float = 2) -> Tensor {
    GradientCheck.randomTensor([rows, columns], seed: seed, range: -scale...scale, awayFromZero: 0.1)
  }

  /// Every elementwise activation and Softmax, Flatten and Dropout (fixed mask), in training mode.
  @Test(arguments: ["relu", "leaky_relu", "elu", "sigmoid", "tanh", "softmax", "flatten", "dropout"])
  func parameterFreeLayer(name: String) throws {
    let layer: any Layer
    switch name {
    case "relu": layer = ReLU()
    case "leaky_relu": layer = LeakyReLU(alpha: 0.2)
    case "elu": layer = ELU(alpha: 0.7)
    case "sigmoid": layer = Sigmoid()
    case "tanh": layer = Tanh()
    case "softmax": layer = Softmax()
    case "flatten": layer = Flatten()
    default: layer = Dropout(rate: 0.4)
    }
    let report = GradientCheck.check(layer, input: input())
    #expect(report.maxError < Self.bound, "\(name): \(report)")
    #expect(report.parameterErrors.isEmpty)
  }

  /// Dense: input, weight and bias gradients.
  @Test func dense() {
    var rng = SeededGenerator(seed: 3)
    let layer = Dense(inputs: 5, outputs: 3, initializer: .xavierUniform, rng: &rng)
    layer.bias.value = Tensor([0.1, -0.2, 0.3])
    let report = GradientCheck.check(layer, input: input())
    #expect(report.maxError < Self.bound, "\(report)")
    #expect(Set(report.parameterErrors.keys) == ["weight", "bias"])
  }

  /// PReLU: input gradient and the shared slope α.
  @Test func prelu() {
    let layer = PReLU(initialSlope: 0.3)
    let report = GradientCheck.check(layer, input: input())
    #expect(report.maxError < Self.bound, "\(report)")
    #expect(report.parameterErrors.keys.sorted() == ["weight"])
  }

  /// BatchNorm in training mode (through the batch statistics) and in evaluation mode.
  @Test(arguments: [LayerMode.training, .evaluation])
  func batchNorm(mode: LayerMode) {
    let layer = BatchNorm(features: 5)
    layer.weight.value = Tensor([1.5, 0.5, -1, 2, 0.8])
    layer.bias.value = Tensor([0.1, 0, -0.3, 0.2, 1])
    layer.runningMean.value = Tensor([0.2, -0.1, 0, 0.5, 0.3])
    layer.runningVariance.value = Tensor([1.2, 0.8, 2, 0.5, 1])
    let report = GradientCheck.check(layer, input: input(6, 5, scale: 1), mode: mode)
    #expect(report.maxError < Self.bound, "\(mode): \(report)")
    #expect(Set(report.parameterErrors.keys) == ["weight", "bias"])
  }

  /// A deliberately wrong gradient is caught: the check is not vacuous.
  @Test func detectsWrongGradient() {
    let report = GradientCheck.check(WrongTanh(), input: input())
    #expect(report.inputError > 0.5)
  }

  /// Every loss, with class-id or value targets as each needs.
  @Test(arguments: LossKind.allCases)
  func loss(kind: LossKind) {
    let output = GradientCheck.randomTensor([4, 3], seed: 21, range: -2...2)
    let target: LossTarget
    switch kind {
    case .crossEntropy, .hinge: target = .classes([0, 2, 1, 2])
    case .mse: target = .values(GradientCheck.randomTensor([4, 3], seed: 22))
    case .bce: target = .values(GradientCheck.randomTensor([4, 3], seed: 23, range: 0...1))
    }
    let error = GradientCheck.check(kind.makeLoss(), output: output, target: target)
    #expect(error < Self.bound, "\(kind)")
  }

  /// Cross-entropy with label smoothing and with probability-row targets.
  @Test func crossEntropyVariants() {
    let output = GradientCheck.randomTensor([4, 3], seed: 24, range: -3...3)
    let smoothed = GradientCheck.check(
      SoftmaxCrossEntropy(labelSmoothing: 0.1), output: output, target: .classes([1, 0, 2, 2]))
    #expect(smoothed < Self.bound)
    let soft = Tensor(shape: [4, 3], storage: [0.2, 0.3, 0.5, 1, 0, 0, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4])
    #expect(GradientCheck.check(SoftmaxCrossEntropy(), output: output, target: .values(soft)) < Self.bound)
  }
}

/// tanh with the derivative missing its y² term: a gradient the check must reject.
private final class WrongTanh: Layer {
  var summary: String { "wrong" }
  func forward(_ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator) {
    output.map(from: input) { Float(Foundation.tanh(Double($0))) }
  }
  func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor, gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    gradInput.assign(gradOutput)
  }
}
