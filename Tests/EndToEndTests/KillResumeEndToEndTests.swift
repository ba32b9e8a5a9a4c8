import Foundation
import TestSupport
import Testing

/// SIGKILL at a random moment, then `--resume`: the logs have every epoch and step exactly once.
///
/// `make test` runs a handful of kills; `KILL_TRIALS=100 swift test -c release --filter KillResume`
/// runs as many as asked.
@Suite(.serialized) struct KillResumeEndToEndTests {
  static var trials: Int { Int(ProcessInfo.processInfo.environment["KILL_TRIALS"] ?? "") ?? 3 }

  /// Starts a headless digits run, kills it after `delay` seconds, and returns its run directory.
  static func killedRun(in dir: URL, delay: Double) throws -> URL? {
    let process = try startTraintop(
      ["train", "digits", "--epochs", "20", "--patience", "0", "--name", "k", "--headless", "--batch-size", "1"],
      in: dir)
    usleep(useconds_t(delay * 1e6))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let runs = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("runs").path)) ?? []
    return runs.first.map { dir.appendingPathComponent("runs/\($0)") }
  }

  @Test func killedRunsResumeWithoutDuplicatedOrMissingRows() throws {
    var generator = SystemRandomNumberGenerator()
    var resumed = 0
    for _ in 0..<Self.trials {
      let dir = try Fixtures.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: dir) }
      let delay = Double.random(in: 0.2...1.4, using: &generator)
      guard let run = try Self.killedRun(in: dir, delay: delay),
        FileManager.default.fileExists(atPath: run.appendingPathComponent("checkpoints/last.safetensors").path)
      else { continue }  // killed before the first checkpoint: nothing to resume
      let result = try runHeadless(["train", "--resume", run.path], in: dir)
      try #require(result.status == 0, "delay \(delay): \(result.standardError)")
      resumed += 1
      let metrics = try String(contentsOf: run.appendingPathComponent("metrics.csv"), encoding: .utf8)
      let epochs = metrics.split(separator: "\n").dropFirst().map { Int($0.prefix { $0 != "," }) }
      #expect(epochs == (1...20).map { $0 }, "delay \(delay): epochs not 1…20 once each")
      let steps = try String(contentsOf: run.appendingPathComponent("steps.jsonl"), encoding: .utf8)
        .split(separator: "\n").map { Int($0.dropFirst(8).prefix { $0 != "," }) }
      #expect(steps == (1...steps.count).map { $0 }, "delay \(delay): steps not 1…n once each")
      let leftovers = try FileManager.default.contentsOfDirectory(
        atPath: run.appendingPathComponent("checkpoints").path
      )
      .filter { $0.contains(".tmp-") }
      #expect(leftovers.isEmpty)
    }
    #expect(resumed > 0 || Self.trials == 0, "no run reached its first checkpoint")
  }
}
