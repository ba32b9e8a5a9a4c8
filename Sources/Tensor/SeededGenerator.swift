/// A seeded, checkpointable random number generator (xoshiro256**, seeded by SplitMix64).
///
/// One seed drives initialisation, dropout, shuffling and augmentation, so runs
/// with the same seed and thread count are bit-identical. `state` can be saved and
/// restored for exact resume.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable, Codable {
  // Four stored words (not an array): no bounds or copy-on-write checks per draw.
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// The four words of xoshiro256** state (saved in checkpoints as `{"state": [w0, w1, w2, w3]}`).
  public var state: [UInt64] { [s0, s1, s2, s3] }

  /// Creates a generator from `seed`.
  public init(seed: UInt64) {
    var s = seed
    s0 = SeededGenerator.splitMix64(&s)
    s1 = SeededGenerator.splitMix64(&s)
    s2 = SeededGenerator.splitMix64(&s)
    s3 = SeededGenerator.splitMix64(&s)
  }

  /// Restores a generator from saved `state` (four words, not all zero).
  public init(state: [UInt64]) {
    precondition(state.count == 4 && state.contains { $0 != 0 }, "invalid generator state")
    (s0, s1, s2, s3) = (state[0], state[1], state[2], state[3])
  }

  private enum CodingKeys: String, CodingKey { case state }

  /// Decodes `{"state": [w0, w1, w2, w3]}`, rejecting a malformed state.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let words = try container.decode([UInt64].self, forKey: .state)
    guard words.count == 4, words.contains(where: { $0 != 0 }) else {
      throw DecodingError.dataCorruptedError(
        forKey: .state, in: container, debugDescription: "a generator state needs four words, not all zero")
    }
    self.init(state: words)
  }

  /// Encodes `{"state": [w0, w1, w2, w3]}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(state, forKey: .state)
  }

  private static func splitMix64(_ x: inout UInt64) -> UInt64 {
    x &+= 0x9E37_79B9_7F4A_7C15
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next 64 random bits.
  @inline(__always)
  public mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  @inline(__always)
  private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  /// A uniform Float in [0, 1).
  public mutating func nextUniform() -> Float {
    Float(next() >> 40) * (1.0 / Float(1 << 24))
  }

  /// A uniform Double in [0, 1).
  public mutating func nextUniformDouble() -> Double {
    Double(next() >> 11) * (1.0 / Double(UInt64(1) << 53))
  }

  /// A standard normal sample (Box–Muller).
  public mutating func nextNormal() -> Float {
    let u1 = Swift.max(nextUniformDouble(), 1e-300)
    let u2 = nextUniformDouble()
    return Float((-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2))
  }

  /// A uniform integer in `0..<bound`.
  public mutating func nextInt(below bound: Int) -> Int {
    Int(next(upperBound: UInt64(bound)))
  }
}

#if canImport(Glibc)
  import Glibc
  @inline(__always) private func _log(_ x: Double) -> Double { Glibc.log(x) }
  @inline(__always) private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#elseif canImport(Darwin)
  import Darwin
  @inline(__always) private func _log(_ x: Double) -> Double { Darwin.log(x) }
  @inline(__always) private func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
