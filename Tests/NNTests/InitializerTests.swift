import NN
import Tensor
import Testing

/// Sample statistics of each initialiser (131 072 draws: the sample variance is within about 1 %
/// of σ², so 5 % bounds cannot fail by chance but catch a wrong formula).
@Suite struct InitializerTests {
  private static let fanIn = 256, fanOut = 512

  private func draw(_ initializer: Initializer, seed: UInt64 = 5) -> [Float] {
    var weight = Tensor(shape: [Self.fanIn, Self.fanOut], repeating: 99)
    var rng = SeededGenerator(seed: seed)
    initializer.fill(&weight, fanIn: Self.fanIn, fanOut: Self.fanOut, rng: &rng)
    return weight.storage
  }

  private func moments(_ values: [Float]) -> (mean: Double, variance: Double) {
    let n = Double(values.count)
    let mean = values.reduce(0) { $0 + Double($1) } / n
    let variance = values.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / (n - 1)
    return (mean, variance)
  }

  /// Expected variance: Xavier 2/(fan_in + fan_out) = 2/768, He 2/fan_in = 2/256.
  @Test(arguments: Initializer.allCases)
  func variance(initializer: Initializer) {
    let expected: Double =
      switch initializer {
      case .xavierUniform, .xavierNormal: 2.0 / 768
      case .heUniform, .heNormal: 2.0 / 256
      }
    #expect(abs(initializer.standardDeviation(fanIn: Self.fanIn, fanOut: Self.fanOut) - expected.squareRoot()) < 1e-12)
    let (mean, variance) = moments(draw(initializer))
    #expect(abs(variance / expected - 1) < 0.05, "\(initializer): variance \(variance) vs \(expected)")
    #expect(abs(mean) < 0.05 * expected.squareRoot(), "\(initializer): mean \(mean)")
  }

  /// Uniform draws stay inside ±a (Xavier a = √(6/768), He a = √(6/256)) and reach close to it.
  @Test(arguments: [Initializer.xavierUniform, .heUniform])
  func uniformBounds(initializer: Initializer) {
    let bound: Float = initializer == .xavierUniform ? (6.0 / 768).squareRoot() : (6.0 / 256).squareRoot()
    let values = draw(initializer)
    let largest = values.map(abs).max() ?? 0
    #expect(largest <= bound * (1 + 1e-6))
    #expect(largest > bound * 0.999)
  }

  /// Normal draws are unbounded Gaussians: about 0.27 % fall beyond 3σ (not truncated at 2σ).
  @Test(arguments: [Initializer.xavierNormal, .heNormal])
  func normalTails(initializer: Initializer) {
    let sigma = Float(initializer.standardDeviation(fanIn: Self.fanIn, fanOut: Self.fanOut))
    let values = draw(initializer)
    let beyond = Double(values.filter { abs($0) > 3 * sigma }.count) / Double(values.count)
    #expect(beyond > 0.0015 && beyond < 0.004)
  }

  @Test func sameSeedSameWeights() {
    #expect(draw(.heNormal, seed: 9) == draw(.heNormal, seed: 9))
    #expect(draw(.heNormal, seed: 9) != draw(.heNormal, seed: 10))
  }

  @Test func defaults() {
    #expect(Initializer.defaultFor(.relu) == .heUniform)
    #expect(Initializer.defaultFor(.leakyRelu) == .heUniform)
    #expect(Initializer.defaultFor(.prelu) == .heUniform)
    #expect(Initializer.defaultFor(.elu) == .heUniform)
    #expect(Initializer.defaultFor(.sigmoid) == .xavierUniform)
    #expect(Initializer.defaultFor(.tanh) == .xavierUniform)
    #expect(Initializer(rawValue: "he_normal") == .heNormal)
  }
}
