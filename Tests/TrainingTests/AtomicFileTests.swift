import Foundation
import TestSupport
import Testing
import Training

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The names in `directory`, sorted.
func listing(_ directory: URL) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
}

@Suite struct AtomicFileTests {
  @Test func writesAndReplaces() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("file.txt")
    try AtomicFile.write(Data("old".utf8), to: url)
    try AtomicFile.write(Data("new contents".utf8), to: url)
    #expect(try Data(contentsOf: url) == Data("new contents".utf8))
    #expect(try listing(directory) == ["file.txt"])  // no temporary file left behind
  }

  @Test func targetThatIsADirectoryThrowsAndStaysIntact() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("config.json")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
    try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
    #expect(throws: AtomicFileError.self) { try AtomicFile.write(Data("x".utf8), to: target) }
    #expect(try listing(directory) == ["config.json"])
    #expect(try Data(contentsOf: target.appendingPathComponent("inside")) == Data("keep".utf8))
  }

  @Test func missingDirectoryThrows() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("no/such/dir/file")
    let error = try #require(throws: AtomicFileError.self) { try AtomicFile.write(Data(), to: url) }
    #expect(error.step == .create && error.code == ENOENT)
    #expect(error.description.contains("no/such/dir"))
  }

  @Test func failedWriteLeavesOldFileIntact() throws {
    // A 250-byte name is legal but its temporary sibling (".<name>.tmp-<UUID>") exceeds the
    // 255-byte name limit, so the write fails before the rename: the old file must survive.
    // (A read-only directory would not do: the tests may run as root.)
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent(String(repeating: "n", count: 250))
    try Data("old".utf8).write(to: url)
    let error = try #require(throws: AtomicFileError.self) { try AtomicFile.write(Data("new".utf8), to: url) }
    #expect(error.step == .create)
    #expect(try Data(contentsOf: url) == Data("old".utf8))
    #expect(try listing(directory).count == 1)
  }

  @Test(.enabled(if: getuid() != 0, "root ignores directory permissions"))
  func readOnlyDirectoryThrowsAndLeavesOldFile() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer {
      chmod(directory.path, 0o755)
      try? FileManager.default.removeItem(at: directory)
    }
    let url = directory.appendingPathComponent("file")
    try Data("old".utf8).write(to: url)
    chmod(directory.path, 0o555)
    #expect(throws: AtomicFileError.self) { try AtomicFile.write(Data("new".utf8), to: url) }
    #expect(try Data(contentsOf: url) == Data("old".utf8))
  }
}
