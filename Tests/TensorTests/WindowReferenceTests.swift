import Testing

@testable import Tensor

/// The compute engine's convolution and pooling (oneDNN on Linux) against the direct loops of
/// `WindowReference`, on geometries the gradient checks and oracles do not cover.
@Suite struct WindowReferenceTests {
  static let windows = [
    Window2D(batch: 3, channels: 2, height: 9, width: 7, outChannels: 5, kernelHeight: 3, kernelWidth: 3),
    Window2D(
      batch: 1, channels: 4, height: 8, width: 8, outChannels: 3, kernelHeight: 3, kernelWidth: 3, stride: 2,
      padding: 1),
    Window2D(
      batch: 2, channels: 16, height: 6, width: 5, outChannels: 32, kernelHeight: 5, kernelWidth: 5, padding: 2),
    Window2D(
      batch: 5, channels: 1, height: 28, width: 28, outChannels: 16, kernelHeight: 3, kernelWidth: 3, padding: 1),
  ]

  private func random(_ shape: [Int], seed: UInt64) -> Tensor {
    var rng = SeededGenerator(seed: seed)
    var tensor = Tensor(shape: shape)
    for i in 0..<tensor.count { tensor.storage[i] = rng.nextUniform() * 2 - 1 }
    return tensor
  }

  private func expectClose(_ a: Tensor, _ b: Tensor, _ what: String) {
    #expect(a.count == b.count, "\(what): count")
    let worst = zip(a.storage, b.storage).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
    #expect(worst < 1e-4, "\(what): worst relative difference \(worst)")
  }

  @Test(arguments: windows)
  func convolution(_ w: Window2D) {
    let input = random(w.inputShape, seed: 1)
    let weight = random(w.weightShape, seed: 2)
    let bias = random([w.outChannels], seed: 3)
    let gradOutput = random(w.outputShape, seed: 4)
    let convolution = Convolution2D(w)
    var output = Tensor(shape: [0])
    var expected = Tensor(shape: w.outputShape)
    convolution.forward(input: input, weight: weight, bias: bias, into: &output)
    WindowReference.convolutionForward(w, input, weight, bias, &expected)
    expectClose(output, expected, "forward \(w)")

    var gradInput = Tensor(shape: [0])
    var expectedGradInput = Tensor(shape: w.inputShape)
    convolution.backwardData(gradOutput: gradOutput, weight: weight, into: &gradInput)
    WindowReference.convolutionBackwardData(w, gradOutput, weight, &expectedGradInput)
    expectClose(gradInput, expectedGradInput, "backward data \(w)")

    var dW = Tensor(shape: [0])
    var dB = Tensor(shape: [0])
    var expectedDW = Tensor(shape: w.weightShape)
    var expectedDB = Tensor(shape: [w.outChannels])
    convolution.backwardWeights(input: input, gradOutput: gradOutput, weightGradient: &dW, biasGradient: &dB)
    WindowReference.convolutionBackwardWeights(w, input, gradOutput, &expectedDW, &expectedDB)
    expectClose(dW, expectedDW, "weight gradient \(w)")
    expectClose(dB, expectedDB, "bias gradient \(w)")
  }

  static let pools = [
    Window2D(batch: 2, channels: 3, height: 8, width: 8, kernelHeight: 2, kernelWidth: 2, stride: 2),
    Window2D(batch: 1, channels: 2, height: 7, width: 9, kernelHeight: 3, kernelWidth: 3, stride: 2, padding: 1),
    Window2D(batch: 3, channels: 32, height: 14, width: 14, kernelHeight: 2, kernelWidth: 2, stride: 2),
  ]

  @Test(arguments: pools, [Pooling2D.Kind.max, .average])
  func pooling(_ w: Window2D, kind: Pooling2D.Kind) {
    let input = random(w.inputShape, seed: 5)
    let gradOutput = random(w.outputShape, seed: 6)
    let pooling = Pooling2D(w, kind: kind)
    var output = Tensor(shape: [0])
    var expected = Tensor(shape: w.outputShape)
    var indices: [Int] = []
    pooling.forward(input, into: &output)
    WindowReference.poolForward(w, kind, input, &expected, &indices)
    expectClose(output, expected, "\(kind) forward \(w)")
    var gradInput = Tensor(shape: [0])
    var expectedGradInput = Tensor(shape: w.inputShape)
    pooling.backward(gradOutput: gradOutput, into: &gradInput)
    WindowReference.poolBackward(w, kind, gradOutput, indices, &expectedGradInput)
    expectClose(gradInput, expectedGradInput, "\(kind) backward \(w)")
  }

  /// Output sizes follow PyTorch's floor rule.
  @Test func outputSize() {
    let w = Window2D(batch: 1, channels: 1, height: 7, width: 6, kernelHeight: 3, kernelWidth: 3, stride: 2, padding: 1)
    #expect(w.outHeight == 4)  // (7 + 2 − 3)/2 + 1
    #expect(w.outWidth == 3)  // (6 + 2 − 3)/2 + 1 = 3 (floor of 2.5, + 1)
    #expect(w.isValid)
    #expect(!Window2D(batch: 1, channels: 1, height: 2, width: 2, kernelHeight: 3, kernelWidth: 3).isValid)
  }
}

/// The channel-blocked layouts (oneDNN's nChw8c / nChw16c) give the plain layout's results,
/// ties included: max pooling sends the gradient to the first maximum in either layout.
@Suite struct BlockedLayoutTests {
  /// Plain (n, c, s) → blocked (n, c/b, s, c%b), or back.
  static func reorder(_ t: Tensor, channels: Int, block: Int, toBlocked: Bool) -> Tensor {
    var out = t
    let spatial = t.count / (t.rows * channels)
    for n in 0..<t.rows {
      for c in 0..<channels {
        for s in 0..<spatial {
          let plain = (n * channels + c) * spatial + s
          let blocked = ((n * (channels / block) + c / block) * spatial + s) * block + c % block
          if toBlocked { out.storage[blocked] = t.storage[plain] } else { out.storage[plain] = t.storage[blocked] }
        }
      }
    }
    return out
  }

  /// Values on a coarse grid, so that many windows hold ties.
  static func coarse(_ shape: [Int], seed: UInt64) -> Tensor {
    var rng = SeededGenerator(seed: seed)
    var t = Tensor(shape: shape)
    for i in 0..<t.count { t.storage[i] = (rng.nextUniform() * 4).rounded(.down) / 4 }
    return t
  }

  @Test(arguments: [8, 16], [Pooling2D.Kind.max, .average])
  func pooling(block: Int, kind: Pooling2D.Kind) {
    guard ComputeEngine.preferredBlock > 0 else { return }  // plain-only engines have no blocked layout
    var w = Window2D(batch: 2, channels: 16, height: 6, width: 6, kernelHeight: 2, kernelWidth: 2, stride: 2)
    let input = Self.coarse(w.inputShape, seed: 1)
    let gradOutput = Self.coarse(w.outputShape, seed: 2)
    var expected = Tensor(shape: w.outputShape)
    var expectedGrad = Tensor(shape: w.inputShape)
    var indices: [Int] = []
    WindowReference.poolForward(w, kind, input, &expected, &indices)
    WindowReference.poolBackward(w, kind, gradOutput, indices, &expectedGrad)
    w.inputBlock = block
    let pooling = Pooling2D(w, kind: kind)
    var output = Tensor(shape: [0])
    var gradInput = Tensor(shape: [0])
    pooling.forward(Self.reorder(input, channels: 16, block: block, toBlocked: true), into: &output)
    pooling.backward(
      gradOutput: Self.reorder(gradOutput, channels: 16, block: block, toBlocked: true), into: &gradInput)
    #expect(Self.reorder(output, channels: 16, block: block, toBlocked: false) == expected)
    #expect(Self.reorder(gradInput, channels: 16, block: block, toBlocked: false) == expectedGrad)
  }

  @Test(arguments: [8, 16])
  func convolution(block: Int) {
    guard ComputeEngine.preferredBlock > 0 else { return }
    var w = Window2D(
      batch: 2, channels: 16, height: 7, width: 5, outChannels: 32, kernelHeight: 3, kernelWidth: 3, padding: 1)
    let input = Self.coarse(w.inputShape, seed: 3)
    let weight = Self.coarse(w.weightShape, seed: 4)
    let bias = Self.coarse([32], seed: 5)
    let gradOutput = Self.coarse(w.outputShape, seed: 6)
    var expected = Tensor(shape: w.outputShape)
    var expectedGrad = Tensor(shape: w.inputShape)
    var expectedDW = Tensor(shape: w.weightShape)
    var expectedDB = Tensor(shape: [32])
    WindowReference.convolutionForward(w, input, weight, bias, &expected)
    WindowReference.convolutionBackwardData(w, gradOutput, weight, &expectedGrad)
    WindowReference.convolutionBackwardWeights(w, input, gradOutput, &expectedDW, &expectedDB)
    w.inputBlock = block
    w.outputBlock = block
    let convolution = Convolution2D(w)
    var output = Tensor(shape: [0])
    var gradInput = Tensor(shape: [0])
    var dW = Tensor(shape: [0])
    var dB = Tensor(shape: [0])
    let blockedInput = Self.reorder(input, channels: 16, block: block, toBlocked: true)
    let blockedGrad = Self.reorder(gradOutput, channels: 32, block: block, toBlocked: true)
    convolution.forward(input: blockedInput, weight: weight, bias: bias, into: &output)
    convolution.backwardData(gradOutput: blockedGrad, weight: weight, into: &gradInput)
    convolution.backwardWeights(input: blockedInput, gradOutput: blockedGrad, weightGradient: &dW, biasGradient: &dB)
    // Quarter-step values: every product and sum here is exact in Float32.
    #expect(Self.reorder(output, channels: 32, block: block, toBlocked: false) == expected)
    #expect(Self.reorder(gradInput, channels: 16, block: block, toBlocked: false) == expectedGrad)
    #expect(dW == expectedDW && dB == expectedDB)
  }
}
