import NN
import Tensor
import TestSupport
import Testing

/// `Tests/Fixtures/oracles/dropout2d.json` (generate_dropout2d.py): PyTorch 2.15's `Dropout2d` in
/// training mode, float64, with the per-channel mask it drew.
private struct Dropout2dOracle: Decodable {
  struct Case: Decodable {
    let name: String
    let p: Double
    let input: OracleTensor
    let channelKeep: OracleTensor
    let output: OracleTensor
    let upstreamGrad: OracleTensor
    let gradInput: OracleTensor

    enum CodingKeys: String, CodingKey {
      case name, p, input, output
      case channelKeep = "channel_keep"
      case upstreamGrad = "upstream_grad"
      case gradInput = "grad_input"
    }
  }
  let cases: [Case]
}

/// Spatial dropout (`dropout2d<R>`): whole channels dropped, in the plain and the blocked layout.
@Suite struct SpatialDropoutTests {
  /// PyTorch's output and input gradient, given the channels it kept.
  @Test func matchesPyTorchWithItsMask() throws {
    let oracle = try Fixtures.oracle("dropout2d.json", as: Dropout2dOracle.self)
    for entry in oracle.cases {
      let s = entry.input.shape  // [N, C, H, W]
      let layer = Dropout(rate: entry.p, channels: s[1], spatialSize: s[2] * s[3], block: 0)
      let perChannel = s[2] * s[3]
      let keep = Tensor(
        shape: s, storage: entry.channelKeep.data.flatMap { Array(repeating: Float($0), count: perChannel) })
      var output = Tensor(shape: [0])
      var gradInput = Tensor(shape: [0])
      layer.forward(entry.input.tensor, into: &output, keepMask: keep)
      expectClose(output, entry.output, "\(entry.name) output")
      layer.backward(
        input: entry.input.tensor, output: output, gradOutput: entry.upstreamGrad.tensor, gradInput: &gradInput,
        computeInputGradient: true)
      expectClose(gradInput, entry.gradInput, "\(entry.name) grad_input")
    }
  }

  /// The channel of value `i` of a `[n, channels, spatial]` batch stored in blocks of `block`.
  static func channel(of i: Int, channels: Int, spatial: Int, block: Int) -> Int {
    let r = i % (channels * spatial)
    return block == 0 ? r / spatial : (r / (spatial * block)) * block + r % block
  }

  /// Every channel of every image is all kept (scaled by 1/(1 − p)) or all dropped, about p of them
  /// dropped, in either layout; backward uses the same mask.
  @Test(arguments: [0, 8, 16])
  func dropsWholeChannels(block: Int) {
    let (images, channels, spatial) = (64, 32, 9)
    let layer = Dropout(rate: 0.25, channels: channels, spatialSize: spatial, block: block)
    let input = Tensor(shape: [images, channels, 3, 3], repeating: 2)
    var output = Tensor(shape: [0])
    var rng = SeededGenerator(seed: 5)
    layer.forward(input, into: &output, mode: .training, rng: &rng)
    var planes: [[Int: Float]] = Array(repeating: [:], count: images)
    var consistent = true
    for i in 0..<output.count {
      let (image, c) = (
        i / (channels * spatial), Self.channel(of: i, channels: channels, spatial: spatial, block: block)
      )
      if let seen = planes[image][c], seen != output.storage[i] { consistent = false }
      planes[image][c] = output.storage[i]
    }
    #expect(consistent, "a channel was dropped in part")
    let values = planes.flatMap { $0.values }
    #expect(values.allSatisfy { $0 == 0 || abs($0 - 2 / 0.75) < 1e-6 })
    // 2,048 channel draws with keep probability 0.75 (σ ≈ 0.0096).
    let dropped = Double(values.filter { $0 == 0 }.count) / Double(values.count)
    #expect(abs(dropped - 0.25) < 0.04, "dropped \(dropped)")
    var gradInput = Tensor(shape: [0])
    let ones = Tensor(shape: input.shape, repeating: 1)
    layer.backward(input: input, output: output, gradOutput: ones, gradInput: &gradInput, computeInputGradient: true)
    #expect(gradInput.storage == output.storage.map { $0 / 2 })
  }

  /// The same draws give the same channels in either layout: one draw per (image, channel).
  @Test func layoutsDropTheSameChannels() {
    func dropped(block: Int) -> [Bool] {
      let layer = Dropout(rate: 0.5, channels: 16, spatialSize: 4, block: block)
      var output = Tensor(shape: [0])
      var rng = SeededGenerator(seed: 9)
      layer.forward(Tensor(shape: [3, 16, 2, 2], repeating: 1), into: &output, mode: .training, rng: &rng)
      var result = Array(repeating: false, count: 3 * 16)
      for i in 0..<output.count {
        result[(i / 64) * 16 + Self.channel(of: i, channels: 16, spatial: 4, block: block)] = output.storage[i] == 0
      }
      return result
    }
    #expect(dropped(block: 0) == dropped(block: 16))
    #expect(dropped(block: 0) == dropped(block: 8))
  }

  @Test func identityInEvaluation() {
    let layer = Dropout(rate: 0.9, channels: 2, spatialSize: 4, block: 0)
    let input = GradientCheck.randomTensor([3, 8], seed: 2)
    var output = Tensor(shape: [0])
    var rng = SeededGenerator(seed: 0)
    layer.forward(input, into: &output, mode: .evaluation, rng: &rng)
    #expect(output == input)
    #expect(layer.summary == "dropout2d 0.9")
  }

  /// Finite differences through a fixed channel mask.
  @Test func gradientCheck() {
    let layer = Dropout(rate: 0.4, channels: 3, spatialSize: 4, block: 0)
    let report = GradientCheck.check(layer, input: GradientCheck.randomTensor([4, 12], seed: 11, awayFromZero: 0.1))
    #expect(report.maxError < 1e-2, "\(report)")
    #expect(report.parameterErrors.isEmpty)
  }
}
