import Foundation
import Tensor

/// A seeded in-process fuzzer: mutates seed inputs (bit flips, boundary bytes, inserts, deletes,
/// duplicated runs, splices of two seeds) and feeds them to a parser. A parser that traps ends the
/// test process, so a crash fails the run; everything it throws is fine.
///
/// `make test` runs `FuzzBudget.iterations` inputs per target (fixed seed, repeatable);
/// `make fuzz` sets `FUZZ_SECONDS` and runs each target that long with a time-based seed.
public struct Mutator {
  private var rng: SeededGenerator
  private let seeds: [[UInt8]]

  /// A mutator over `seeds` (at least one).
  public init(seeds: [[UInt8]], seed: UInt64) {
    self.seeds = seeds.isEmpty ? [[]] : seeds
    rng = SeededGenerator(seed: seed)
  }

  /// Bytes that often sit on a parser's boundaries.
  static let interesting: [UInt8] = [
    0, 1, 0x7F, 0x80, 0xFF, 0x2C, 0x3B, 0x0A, 0x0D, 0x22, 0x2D, 0x2E, 0x30, 0x39, 0x65, 0x5B, 0x5D, 0x7B, 0x7D, 0x3D,
  ]

  /// The next input: a seed with one to four mutations.
  public mutating func next() -> [UInt8] {
    var bytes = seeds[rng.nextInt(below: seeds.count)]
    for _ in 0..<(1 + rng.nextInt(below: 4)) { mutate(&bytes) }
    return bytes
  }

  private mutating func mutate(_ bytes: inout [UInt8]) {
    let position = bytes.isEmpty ? 0 : rng.nextInt(below: bytes.count)
    switch rng.nextInt(below: 7) {
    case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1) << UInt8(rng.nextInt(below: 8))
    case 1 where !bytes.isEmpty: bytes[position] = Self.interesting[rng.nextInt(below: Self.interesting.count)]
    case 2: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: position)
    case 3 where !bytes.isEmpty:
      bytes.removeSubrange(position..<min(bytes.count, position + 1 + rng.nextInt(below: 16)))
    case 4 where !bytes.isEmpty:
      let run = bytes[position..<min(bytes.count, position + 1 + rng.nextInt(below: 32))]
      bytes.insert(contentsOf: run, at: position)
    case 5:
      let other = seeds[rng.nextInt(below: seeds.count)]
      if !other.isEmpty { bytes = Array(bytes[..<position]) + other[rng.nextInt(below: other.count)...] }
    default:
      // Four bytes of a big or tiny number, where headers keep lengths and dimensions.
      let value: UInt32 = [0, 1, 0x7FFF_FFFF, 0xFFFF_FFFF, 0x8000_0000][rng.nextInt(below: 5)]
      let end = min(bytes.count, position + 4)
      bytes.replaceSubrange(position..<end, with: withUnsafeBytes(of: value.bigEndian, Array.init))
    }
  }
}

/// How much each fuzz target runs: `FUZZ_SECONDS` (time) when set, else `iterations` inputs.
public enum FuzzBudget {
  /// Inputs per target in `make test`.
  public static let iterations = 2_000

  /// Runs `body` on mutated inputs until the budget is spent; returns how many ran.
  @discardableResult
  public static func run(_ name: String = #function, seeds: [[UInt8]], _ body: ([UInt8]) -> Void) -> Int {
    let environment = ProcessInfo.processInfo.environment
    let seconds = environment["FUZZ_SECONDS"].flatMap(Double.init)
    let seed = seconds == nil ? 1 : UInt64(Date().timeIntervalSince1970 * 1000)
    var mutator = Mutator(seeds: seeds, seed: seed)
    for input in seeds { body(input) }
    var count = seeds.count
    let deadline = Date().addingTimeInterval(seconds ?? 0)
    while seconds == nil ? count < iterations : Date() < deadline {
      for _ in 0..<100 { body(mutator.next()) }
      count += 100
    }
    if seconds != nil { print("fuzz \(name): \(count) executions, 0 crashes (seed \(seed))") }
    return count
  }
}
