import NN
import Tensor
import TestSupport
import Testing

/// Conv2d, Pool2d and BatchNorm over images against central finite differences: strides 1 and 2,
/// padding 0 and 1, odd and non-square sizes, batch 1, several channels.
@Suite struct ConvolutionGradientCheckTests {
  /// One geometry: `[batch, channels, height, width]` in, `outChannels` filters of `kernel`².
  struct Case: Sendable, CustomStringConvertible {
    let batch, channels, height, width, outChannels, kernel, stride, padding: Int
    var window: Window2D {
      Window2D(
        batch: 1, channels: channels, height: height, width: width, outChannels: outChannels,
        kernelHeight: kernel, kernelWidth: kernel, stride: stride, padding: padding)
    }
    var input: Tensor {
      GradientCheck.randomTensor([batch, channels, height, width], seed: 5, range: -2...2, awayFromZero: 0.1)
    }
    var description: String { "\(batch)×\(channels)×\(height)×\(width) k\(kernel) s\(stride) p\(padding)" }
  }

  static let convolutions = [
    Case(batch: 2, channels: 3, height: 7, width: 6, outChannels: 4, kernel: 3, stride: 1, padding: 0),
    Case(batch: 1, channels: 2, height: 7, width: 7, outChannels: 3, kernel: 3, stride: 2, padding: 1),
    Case(batch: 2, channels: 1, height: 5, width: 5, outChannels: 2, kernel: 2, stride: 2, padding: 0),
    Case(batch: 1, channels: 3, height: 5, width: 3, outChannels: 2, kernel: 3, stride: 1, padding: 1),
    Case(batch: 3, channels: 2, height: 4, width: 4, outChannels: 5, kernel: 1, stride: 1, padding: 0),
  ]

  @Test(arguments: convolutions)
  func convolution(_ c: Case) {
    var rng = SeededGenerator(seed: 9)
    let layer = Conv2d(window: c.window, initializer: .heUniform, rng: &rng)
    layer.bias.value = GradientCheck.randomTensor([c.outChannels], seed: 4)
    let report = GradientCheck.check(layer, input: c.input)
    #expect(report.maxError < GradientCheckTests.bound, "\(c): \(report)")
    #expect(Set(report.parameterErrors.keys) == ["weight", "bias"])
  }

  static let pools = [
    Case(batch: 2, channels: 3, height: 6, width: 6, outChannels: 3, kernel: 2, stride: 2, padding: 0),
    Case(batch: 1, channels: 2, height: 7, width: 7, outChannels: 2, kernel: 3, stride: 2, padding: 1),
    Case(batch: 2, channels: 1, height: 5, width: 4, outChannels: 1, kernel: 2, stride: 1, padding: 0),
  ]

  @Test(arguments: pools, [Pooling2D.Kind.max, .average])
  func pooling(_ c: Case, kind: Pooling2D.Kind) {
    let report = GradientCheck.check(Pool2d(window: c.window, kind: kind), input: c.input)
    #expect(report.maxError < GradientCheckTests.bound, "\(kind) \(c): \(report)")
    #expect(report.parameterErrors.isEmpty)
  }

  /// Global average pooling over 5×4: every position gets g/20.
  @Test func globalAveragePooling() {
    let window = Window2D(batch: 1, channels: 3, height: 5, width: 4, kernelHeight: 5, kernelWidth: 4)
    let input = GradientCheck.randomTensor([2, 3, 5, 4], seed: 6)
    let report = GradientCheck.check(Pool2d(window: window, kind: .average, isGlobal: true), input: input)
    #expect(report.maxError < GradientCheckTests.bound, "\(report)")
  }

  /// BatchNorm2d over 3 channels of 4×5 in a batch of 2 (statistics over 40 values per channel),
  /// in training and evaluation mode; γ and β gradients.
  @Test(arguments: [LayerMode.training, .evaluation])
  func batchNorm2d(mode: LayerMode) {
    let layer = BatchNorm(features: 3, spatialSize: 20)
    layer.weight.value = Tensor([0.5, 1.5, -1])
    layer.bias.value = Tensor([0.1, 0, -0.2])
    layer.runningMean.value = Tensor([0.2, -0.1, 0])
    layer.runningVariance.value = Tensor([1.5, 0.5, 2])
    let input = GradientCheck.randomTensor([2, 3, 4, 5], seed: 8)
    let report = GradientCheck.check(layer, input: input, mode: mode)
    #expect(report.maxError < GradientCheckTests.bound, "\(mode): \(report)")
    #expect(Set(report.parameterErrors.keys) == ["weight", "bias"])
  }
}
