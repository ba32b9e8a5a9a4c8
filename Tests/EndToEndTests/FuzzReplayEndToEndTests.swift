import Foundation
import TestSupport
import Testing

/// `traintop-fuzz` in an ordinary build: replays files through a reader, and cleans up after itself.
@Suite struct FuzzReplayEndToEndTests {
  static let binary = builtProduct("traintop-fuzz")

  @Test func replaysFilesAndRemovesItsScratchFolder() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("input.csv")
    try Data("a,b,label\n1,2,x\n3,4,y\n".utf8).write(to: input)
    let scratch = dir.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let result = try runProcess(
      Self.binary, [input.path], environment: ["TRAINTOP_FUZZ": "csv", "TMPDIR": scratch.path])
    #expect(result.status == 0)
    #expect(result.standardOutput == "\(input.path): no crash\n")
    // The CSV target wrote its copy into traintop-fuzz-PID under TMPDIR; exit removed it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [])
  }

  @Test func aMissingTargetOrFileIsAUsageOrInputError() throws {
    let missingTarget = try runProcess(Self.binary, [], environment: ["TRAINTOP_FUZZ": "nope"])
    #expect(missingTarget.status == 64)
    #expect(missingTarget.standardError.contains("model|prompt|safetensors|csv|idx"))
    let missingFile = try runProcess(Self.binary, ["/nonexistent/input"], environment: ["TRAINTOP_FUZZ": "model"])
    #expect(missingFile.status == 66)
  }
}
