import Foundation
import TestSupport
import Testing

/// `traintop runs`: a table of real runs, a damaged one and an unfinished one, sorted, filtered, as JSON.
@Suite struct RunsEndToEndTests {
  @Test func listsSortsFiltersAndSurvivesDamagedRuns() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    for (dataset, name) in [("iris", "a-iris"), ("wine", "b-wine")] {
      let result = try runHeadless(
        ["train", dataset, "--epochs", "3", "--runs-dir", runs.path, "--name", name], in: dir)
      try #require(result.status == 0, "\(result.standardError)")
    }
    let made = try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted()
    try #require(made.count == 2)
    // A damaged copy (config.json cut short) and an unfinished one (no results.json).
    let damaged = runs.appendingPathComponent("zz-damaged")
    try FileManager.default.copyItem(at: runs.appendingPathComponent(made[0]), to: damaged)
    try Data("{\"trainer\": ".utf8).write(to: damaged.appendingPathComponent("config.json"))
    let unfinished = runs.appendingPathComponent("zz-unfinished")
    try FileManager.default.copyItem(at: runs.appendingPathComponent(made[1]), to: unfinished)
    try FileManager.default.removeItem(at: unfinished.appendingPathComponent("results.json"))

    let table = try runHeadless(["runs", "--runs-dir", runs.path], in: dir)
    try #require(table.status == 0, "\(table.standardError)")
    let lines = table.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines[0].hasPrefix("name") && lines[0].contains("best val") && lines[0].contains("test acc/R²"))
    #expect(lines[1].contains("a-iris") && lines[1].contains("iris") && lines[1].contains("adam"))
    #expect(lines[1].contains("epochs done") && lines[1].contains("  3  "))
    #expect(lines[3].contains("zz-damaged") && lines[3].contains("damaged config.json"))
    #expect(lines[4].contains("zz-unfinished") && lines[4].contains("unfinished (running, or killed)"))

    let json = try runHeadless(["runs", "--runs-dir", runs.path, "--json", "--dataset", "wine"], in: dir)
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
    #expect(objects.count == 2)  // the wine run and its unfinished copy
    #expect(objects.allSatisfy { $0["dataset"] as? String == "wine" })
    #expect(objects.first?["epochs"] as? Int == 3)
    #expect((objects.first?["test"] as? Double).map { (0...1).contains($0) } == true)

    let sorted = try runHeadless(["runs", "--runs-dir", runs.path, "--sort", "test_accuracy", "--json"], in: dir)
    let order = try #require(
      try JSONSerialization.jsonObject(with: Data(sorted.standardOutput.utf8)) as? [[String: Any]])
    let tests = order.compactMap { $0["test"] as? Double }
    #expect(tests == tests.sorted(by: >))  // best first; runs without a test result last
    #expect(order.last?["test"] == nil)

    let bad = try runHeadless(["runs", "--runs-dir", runs.path, "--sort", "colour"], in: dir)
    #expect(bad.status == 64)
    #expect(bad.standardError.contains("--sort colour: expected one of name, dataset"))
    let missing = try runHeadless(["runs", "--runs-dir", dir.appendingPathComponent("nothing").path], in: dir)
    #expect(missing.status == 66)
    #expect(missing.standardError.contains("no such folder of runs"))
  }
}
