import Foundation
import TestSupport
import Testing

@Suite struct LRFindEndToEndTests {
  /// `traintop lr-find digits`: the sweep, the chart and one suggestion per rule; no run directory.
  @Test func printsTheCurveAndEverySuggestion() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try runHeadless(["lr-find", "digits"], in: dir)
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("lr-find digits: ") == true)
    #expect(lines.first?.hasSuffix("steps, learning rate 1e-7 → 10") == true)
    #expect(lines.contains { $0.contains("log10 lr") })
    for rule in ["valley", "steep", "minimum", "slide", "steepest"] {
      let line = lines.first { $0.hasPrefix("suggested lr ") && $0.hasSuffix("(\(rule))") }
      let rate = try #require(line.flatMap { Double($0.split(separator: " ")[2]) }, "no \(rule) line")
      #expect(rate > 1e-7 && rate < 10, "\(rule): \(rate)")
    }
    let contents = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(!contents.contains("runs"))
  }

  /// `train --lr auto`: the sweep runs first, its valley becomes the rate, and the first event says so.
  @Test func trainWithAutomaticLearningRate() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try runHeadless(["train", "digits", "--lr", "auto", "--epochs", "1", "--runs-dir", "runs"], in: dir)
    #expect(result.status == 0, "\(result.standardError)")
    let header = try #require(result.standardOutput.split(separator: "\n").dropFirst().first)
    let rate = try #require(header.firstMatch(of: /adam lr ([0-9.e+-]+),/).map { String($0.1) })
    let runs = dir.appendingPathComponent("runs")
    let run = try #require(FileManager.default.contentsOfDirectory(atPath: runs.path).first)
    let events = try String(contentsOf: runs.appendingPathComponent(run + "/events.jsonl"), encoding: .utf8)
    let first = try #require(jsonLines(events).first)
    #expect(
      (first["message"] as? String)?.hasPrefix("--lr auto: lr \(rate) from lr-find's valley; also steep ") == true)
    #expect(first["source"] as? String == "config")
    #expect(rate != "1.0e-3")  // not the default
  }

  @Test(arguments: [
    (["--num-it", "1"], "--num-it: expected a whole number in 2…100000, got 1"),
    (["--start-lr", "1", "--end-lr", "0.1"], "--start-lr and --end-lr: expected 0 < start < end, got 1.0 and 0.1"),
    (["--start-lr", "nan"], "--start-lr and --end-lr: expected 0 < start < end, got nan and 10.0"),
  ])
  func badSweepsExit64(arguments: [String], message: String) throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try runHeadless(["lr-find", "iris"] + arguments, in: dir)
    #expect(result.status == 64)
    #expect(result.standardError == "traintop: \(message)\n")
  }
}
