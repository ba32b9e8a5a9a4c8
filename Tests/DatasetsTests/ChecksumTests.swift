import Foundation
import TestSupport
import Testing

@Suite struct ChecksumTests {
  @Test func md5MatchesKnownDigests() {
    // RFC 1321, appendix A.5 test suite.
    #expect(MD5.hex([]) == "d41d8cd98f00b204e9800998ecf8427e")
    #expect(MD5.hex(Array("abc".utf8)) == "900150983cd24fb0d6963f7d28e17f72")
    #expect(
      MD5.hex(Array("12345678901234567890123456789012345678901234567890123456789012345678901234567890".utf8))
        == "57edf4a22be3c955ac49da2e2107b67a")
  }

  @Test func everyShippedFileMatchesMD5SUMS() throws {
    let sums = try String(contentsOf: Fixtures.datasets.appendingPathComponent("MD5SUMS"), encoding: .utf8)
    let entries = sums.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
    #expect(entries.count == 12)  // datasets/MD5SUMS lists 12 files
    for entry in entries {
      let expected = String(entry[0])
      let path = String(entry[1])
      let bytes = try [UInt8](Data(contentsOf: Fixtures.datasets.appendingPathComponent(path)))
      #expect(MD5.hex(bytes) == expected, "\(path)")
    }
  }
}
