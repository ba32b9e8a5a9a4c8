import Foundation
import TestSupport
import Testing

/// `:fork` under tmux: a copy of the running run continues with a changed learning rate beside it,
/// both drawn, `w` switches between them, `:keep` stops the other; both write run directories and
/// the fork's config.json names its parent and step.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ForkEndToEndTests {
  @Test func forkRacesTwoRunsAndKeepPicksOne() throws {
    let t = try TmuxSession()
    defer { t.kill() }
    try startDashboard(t)
    var r = t.waitFor { $0.contains("RUNNING") && (shownStep($0) ?? 0) > 100 }
    try #require(r.ok, "dashboard did not come up:\n\(r.screen)")

    t.send(":")
    t.type("fork lr 3e-4")
    t.send("Enter")
    r = t.waitFor { $0.contains("adam lr 3.0e-4") && $0.contains("fork: run B") }
    try #require(r.ok, "no fork:\n\(r.screen)")
    #expect(r.screen.contains("lr 1.0e-3 → 3.0e-4 (prompt)"))

    t.send("w")
    r = t.waitFor { $0.contains("run A: the panes and commands are its") && $0.contains("adam lr 1.0e-3") }
    try #require(r.ok, "w did not switch to A:\n\(r.screen)")

    t.send(":")
    t.type("keep B")
    t.send("Enter")
    r = t.waitFor { $0.contains("keep: run B") && $0.contains("adam lr 3.0e-4") }
    try #require(r.ok, "keep B did not focus B:\n\(r.screen)")
    t.send("w")
    r = t.waitFor { $0.contains("STOPPED (manual)") }
    #expect(r.ok, "A did not stop:\n\(r.screen)")
    t.send("w")
    r = t.waitFor { $0.contains("RUNNING") && $0.contains("adam lr 3.0e-4") }
    #expect(r.ok, "B is not still running:\n\(r.screen)")
    t.send("q")
    t.send("y")
    r = t.waitFor { !$0.contains("traintop ·") }
    #expect(r.ok, "did not quit:\n\(r.screen)")

    let runs = URL(fileURLWithPath: t.directory + "/runs")
    let names = try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted()
    try #require(names.count == 2, "\(names)")
    let fork = try #require(names.first { $0.hasSuffix("-fork-B") })
    let parent = try #require(names.first { !$0.hasSuffix("-fork-B") })
    let config = try String(contentsOf: runs.appendingPathComponent(fork + "/config.json"), encoding: .utf8)
    #expect(config.contains("\"run\" : \"\(parent)\"") && config.contains("memory (:fork)"))
    let parentEvents = try String(contentsOf: runs.appendingPathComponent(parent + "/events.jsonl"), encoding: .utf8)
    #expect(parentEvents.contains("fork: a copy of this run continues beside it from here"))
    let events = try String(contentsOf: runs.appendingPathComponent(fork + "/events.jsonl"), encoding: .utf8)
    #expect(events.contains(#""setting":"lr""#) && events.contains(#""source":"prompt""#))
    let table = try runHeadless(["runs", "--runs-dir", runs.path], in: URL(fileURLWithPath: t.directory))
    #expect(table.standardOutput.contains(parent + "@"))
  }
}

/// `c` under tmux: the list offers an earlier run of the same dataset, Enter draws it.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct CompareKeyEndToEndTests {
  @Test func compareKeyDrawsAnEarlierRun() throws {
    let t = try TmuxSession()
    defer { t.kill() }
    let runs = URL(fileURLWithPath: t.directory + "/runs")
    let earlier = try runHeadless(
      ["train", "digits", "--epochs", "2", "--runs-dir", runs.path, "--name", "earlier"],
      in: URL(fileURLWithPath: t.directory))
    try #require(earlier.status == 0, "\(earlier.standardError)")
    let name = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first)
    try startDashboard(t)
    var r = t.waitFor { $0.contains("RUNNING") }
    try #require(r.ok, "dashboard did not come up:\n\(r.screen)")
    t.send("c")
    r = t.waitFor { $0.contains("Compare with") && $0.contains(name) }
    try #require(r.ok, "no list with the earlier run:\n\(r.screen)")
    t.send("Enter")
    r = t.waitFor { $0.contains("compare: \(name) drawn as ghost lines") && $0.contains("● \(name)") }
    try #require(r.ok, "not drawn:\n\(r.screen)")
    t.send("Escape")
    r = t.waitFor { !$0.contains("Compare with") }
    #expect(r.ok, "the list did not close:\n\(r.screen)")
  }
}
