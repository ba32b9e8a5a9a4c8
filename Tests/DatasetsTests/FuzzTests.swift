import Foundation
import TestSupport
import Testing

@testable import Datasets

/// In-process fuzzing of the data readers: every mutated input is read or rejected, none traps.
/// `make fuzz` runs each for `FUZZ_SECONDS`.
@Suite(.serialized) struct DatasetsFuzzTests {
  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test func csvReader() throws {
    let iris = try Data(contentsOf: Fixtures.datasets.appendingPathComponent("iris/iris.csv"))
    let seeds = [
      Array(iris.prefix(600)), Self.bytes("a,b,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n"),
      Self.bytes("x;y;target\n1.5;2;0.5\n3;4;1.5\n5;6;2\n7;8;3\n"),
      Self.bytes("\"a\",\"b\"\n\"1\",\"x\"\n\"2\",\"y\"\n"),
    ]
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("fuzz.csv")
    FuzzBudget.run(seeds: seeds) { input in
      guard (try? Data(input).write(to: file)) != nil else { return }
      _ = try? DatasetLoader.load(DatasetOptions(source: .csv(path: file.path)), datasetsDirectory: dir)
    }
  }

  @Test func idxArrays() {
    func idx(_ type: UInt8, _ dims: [UInt32], _ payload: [UInt8]) -> [UInt8] {
      [0, 0, type, UInt8(dims.count)] + dims.flatMap { withUnsafeBytes(of: $0.bigEndian, Array.init) } + payload
    }
    let seeds = [
      idx(0x08, [2, 2, 2], Array(0..<8)), idx(0x08, [3], [0, 1, 2]), idx(0x0C, [2], [0, 0, 0, 1, 0, 0, 0, 2]),
      idx(0x0D, [1, 2], [0x3F, 0x80, 0, 0, 0x40, 0, 0, 0]), idx(0x0E, [1], [0x3F, 0xF0, 0, 0, 0, 0, 0, 0]),
    ]
    FuzzBudget.run(seeds: seeds) { input in _ = try? IDXArray(parsing: input, file: "fuzz") }
  }

  @Test func gzip() throws {
    let labels = try Data(contentsOf: Fixtures.datasets.appendingPathComponent("mnist/t10k-labels-idx1-ubyte.gz"))
    FuzzBudget.run(seeds: [Array(labels.prefix(2_000)), Array(labels)]) { input in
      _ = try? Gzip.decompress(input, file: "fuzz")
    }
  }
}
