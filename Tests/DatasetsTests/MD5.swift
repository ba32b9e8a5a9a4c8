/// MD5 (RFC 1321) of a byte array, as lowercase hex — enough to check datasets/MD5SUMS without a subprocess.
enum MD5 {
  private static let shifts: [UInt32] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
  ]

  /// K[i] = floor(2^32 · |sin(i + 1)|).
  private static let constants: [UInt32] = (0..<64).map { i in
    UInt32(truncatingIfNeeded: Int64((abs(sin(Double(i + 1))) * 4_294_967_296).rounded(.down)))
  }

  /// The digest of `message` as 32 hex digits.
  static func hex(_ message: [UInt8]) -> String {
    var state: [UInt32] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476]
    var padded = message
    padded.append(0x80)
    while padded.count % 64 != 56 { padded.append(0) }
    let bitCount = UInt64(message.count) &* 8
    for k in 0..<8 { padded.append(UInt8(truncatingIfNeeded: bitCount >> (8 * UInt64(k)))) }
    padded.withUnsafeBufferPointer { bytes in
      var words = [UInt32](repeating: 0, count: 16)
      for chunk in stride(from: 0, to: bytes.count, by: 64) {
        for i in 0..<16 {
          let b = chunk + 4 * i
          words[i] =
            UInt32(bytes[b]) | UInt32(bytes[b + 1]) << 8 | UInt32(bytes[b + 2]) << 16 | UInt32(bytes[b + 3]) << 24
        }
        compress(&state, words)
      }
    }
    return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * UInt32($0))) } }
      .map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  /// One 64-byte block of the compression function.
  private static func compress(_ state: inout [UInt32], _ words: [UInt32]) {
    var (a, b, c, d) = (state[0], state[1], state[2], state[3])
    for i in 0..<64 {
      var f: UInt32
      let g: Int
      switch i {
      case 0..<16:
        f = (b & c) | (~b & d)
        g = i
      case 16..<32:
        f = (d & b) | (~d & c)
        g = (5 * i + 1) % 16
      case 32..<48:
        f = b ^ c ^ d
        g = (3 * i + 5) % 16
      default:
        f = c ^ (b | ~d)
        g = (7 * i) % 16
      }
      f = f &+ a &+ constants[i] &+ words[g]
      a = d
      d = c
      c = b
      b = b &+ (f << shifts[i] | f >> (32 - shifts[i]))
    }
    state[0] &+= a
    state[1] &+= b
    state[2] &+= c
    state[3] &+= d
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
