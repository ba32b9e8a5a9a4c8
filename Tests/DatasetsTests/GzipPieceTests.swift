import Foundation
import TestSupport
import Testing

@testable import Datasets

/// zlib takes its input in 32-bit counts, so `Gzip` feeds it in pieces; small pieces here stand in
/// for the 4 GiB ones a huge file would need.
@Suite struct GzipPieceTests {
  /// MNIST's test labels as shipped (gzip, 10,008 bytes when inflated).
  static func mnistLabels() throws -> [UInt8] {
    let url = Fixtures.datasets.appendingPathComponent("mnist/t10k-labels-idx1-ubyte.gz")
    return Array(try Data(contentsOf: url))
  }

  @Test(arguments: [1, 7, 4096])
  func smallPiecesGiveTheSameBytes(piece: Int) throws {
    let compressed = try Self.mnistLabels()
    let whole = try Gzip.decompress(compressed, file: "labels.gz")
    #expect(whole.count == 10_008)  // IDX header (8 bytes) + 10,000 labels
    #expect(Array(whole.prefix(4)) == [0, 0, 8, 1])  // IDX magic: u8, one dimension
    #expect(try Gzip.decompress(compressed, file: "labels.gz", piece: piece) == whole)
  }

  @Test(arguments: [1, 3, 10])
  func membersAcrossPieceBoundariesAreAllRead(piece: Int) throws {
    let (a, b) = (Array("first member,".utf8), Array("second member".utf8))
    let compressed = TestFiles.gzip(a) + TestFiles.gzip(b)
    #expect(try Gzip.decompress(compressed, file: "two.gz", piece: piece) == a + b)
  }

  @Test func truncatedInputIsAnErrorWithSmallPiecesToo() throws {
    let compressed = Array(try Self.mnistLabels().dropLast(100))
    #expect {
      _ = try Gzip.decompress(compressed, file: "cut.gz", piece: 5)
    } throws: { error in
      "\(error)".hasPrefix("cut.gz: the gzip data is truncated")
    }
  }
}
