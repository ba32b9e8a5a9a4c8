import Foundation
import Tensor

extension SeededGenerator {
  /// A uniform draw in [0, 1) from the top 53 bits.
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A standard normal draw (Box–Muller).
  mutating func normal() -> Double {
    let u = 1 - unit()  // (0, 1]: the log is finite
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * unit())
  }

  /// The generator for trial `number` of a search seeded with `seed`: each trial's draws depend on
  /// the seed and its number only, so a random search gives the same trials in any order.
  static func forTrial(_ number: Int, seed: UInt64) -> SeededGenerator {
    SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019))
  }
}
