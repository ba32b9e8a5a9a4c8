import Foundation
import TestSupport
import Testing

/// `traintop view` under tmux on a run another traintop is writing: it follows the run live, the
/// time cursor rewinds it (keys and `:goto`), and the end shows how the run stopped.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ViewEndToEndTests {
  /// The step in the header's `step N/M`.
  func step(_ screen: String) -> Int? {
    guard let range = screen.range(of: #"step \d+/"#, options: .regularExpression) else { return nil }
    return Int(screen[range].dropFirst(5).dropLast())
  }

  @Test func followsALiveRunAndRewindsIt() throws {
    let t = try TmuxSession()
    defer { t.kill() }
    let runs = URL(fileURLWithPath: t.directory).appendingPathComponent("runs")
    let trainer = Process()
    trainer.executableURL = URL(fileURLWithPath: traintop)
    trainer.arguments = [
      "train", "digits", "--headless", "--epochs", "5000", "--patience", "0", "--runs-dir", runs.path, "--name", "live",
    ]
    trainer.environment = ["TRAINTOP_DATASETS": Fixtures.datasets.path]
    trainer.standardOutput = FileHandle.nullDevice
    try trainer.run()
    defer { if trainer.isRunning { trainer.terminate() } }
    // Wait for the run directory and a few epochs of steps.
    var run: URL?
    for _ in 0..<200 where run == nil {
      Thread.sleep(forTimeInterval: 0.05)
      run = (try? FileManager.default.contentsOfDirectory(at: runs, includingPropertiesForKeys: nil))?.first
    }
    let directory = try #require(run, "no run directory")
    try t.start(
      "'\(traintop)' view '\(directory.path)'",
      environment: ["TERM": "xterm-256color", "XDG_CONFIG_HOME": t.directory + "/config"])
    var r = t.waitFor { $0.contains("VIEW · LIVE") && (step($0) ?? 0) > 200 }
    try #require(r.ok, "not following:\n\(r.screen)")
    let first = try #require(step(r.screen))
    r = t.waitFor { (step($0) ?? 0) > first }
    #expect(r.ok, "the step did not advance:\n\(r.screen)")

    t.send(":")
    t.type("goto epoch 2")
    t.send("Enter")
    r = t.waitFor { $0.contains("VIEW · STEP 80") && $0.contains("epoch 2/") }
    try #require(r.ok, "goto epoch 2:\n\(r.screen)")
    t.send("Left")
    r = t.waitFor { $0.contains("VIEW · STEP") && !$0.contains("VIEW · STEP 80") }
    #expect(r.ok, "← did not move the cursor:\n\(r.screen)")
    t.send("Space")
    r = t.waitFor { $0.contains("read-only: traintop view shows a recorded run") }
    #expect(r.ok, "steering was not refused:\n\(r.screen)")
    t.send("End")
    r = t.waitFor { $0.contains("VIEW · LIVE") }
    #expect(r.ok, "End did not follow again:\n\(r.screen)")

    trainer.terminate()  // SIGTERM: the run stops as interrupted and writes results.json
    trainer.waitUntilExit()
    r = t.waitFor { $0.contains("VIEW · STOPPED (interrupted)") }
    #expect(r.ok, "the end of the run was not shown:\n\(r.screen)")
    t.send("q")
    r = t.waitFor { !$0.contains("VIEW ·") }
    #expect(r.ok, "q did not quit:\n\(r.screen)")
  }

  @Test func aMissingRunIsMissingInput() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try runHeadless(["view", dir.appendingPathComponent("nope").path], in: dir)
    #expect(result.status == 66 && result.standardError.contains("no such run directory"))
    let empty = try runHeadless(["view", dir.path], in: dir)
    #expect(empty.status == 66 && empty.standardError.contains("config.json"))
  }
}
