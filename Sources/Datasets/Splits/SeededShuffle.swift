import Tensor

extension MutableCollection where Self: RandomAccessCollection, Index == Int {
  /// Fisher–Yates shuffle with our own generator, so orders never change with the Swift version.
  mutating func seededShuffle(using generator: inout SeededGenerator) {
    guard count > 1 else { return }
    var i = endIndex - 1
    while i > startIndex {
      let j = startIndex + generator.nextInt(below: i - startIndex + 1)
      swapAt(i, j)
      i -= 1
    }
  }
}

extension SeededGenerator {
  /// A generator for one `(seed, a, b)` coordinate, e.g. (seed, epoch) or (seed, epoch, batch).
  static func derived(_ seed: UInt64, _ a: Int, _ b: Int = 0, stream: UInt64) -> SeededGenerator {
    var x = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
    x = mix(x &+ UInt64(bitPattern: Int64(a)) &* 0x9E37_79B9_7F4A_7C15)
    x = mix(x &+ UInt64(bitPattern: Int64(b)) &* 0xC2B2_AE3D_27D4_EB4F)
    return SeededGenerator(seed: x)
  }

  /// The SplitMix64 finaliser: spreads every input bit over the output.
  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
