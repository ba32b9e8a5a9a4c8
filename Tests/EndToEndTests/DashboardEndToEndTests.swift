import Foundation
import TestSupport
import Testing

/// The real `traintop` binary, built beside this test bundle.
let traintop = builtProduct("traintop")

/// Counts braille glyphs (U+2801…U+28FF) on a screen.
func brailleCount(_ screen: String) -> Int {
  screen.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.count
}

/// The step shown in the header's second line (`step 1320/12000`).
func shownStep(_ screen: String) -> Int? {
  screen.firstMatch(of: /step (\d+)\//).flatMap { Int($0.1) }
}

/// Starts the dashboard on digits (long enough to steer) in a 120×40 tmux session.
func startDashboard(_ session: TmuxSession, extra: String = "") throws {
  let runs = session.directory + "/runs"
  try session.start(
    "'\(traintop)' train digits --epochs 5000 --patience 0 --runs-dir '\(runs)' \(extra)",
    // No user config of the person running the tests (an empty folder as XDG_CONFIG_HOME).
    environment: ["TERM": "xterm-256color", "XDG_CONFIG_HOME": session.directory + "/config"])
}

/// The newest run directory under the session's runs folder.
func runDirectory(_ session: TmuxSession) -> URL? {
  let runs = URL(fileURLWithPath: session.directory + "/runs")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []
  return names.sorted().last.map { runs.appendingPathComponent($0) }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct DashboardEndToEndTests {
  /// One session walks through the keys: it mirrors what a user does, and starts the binary once.
  @Test func steerTheRunWithKeysAndPrompt() throws {
    let t = try TmuxSession()
    defer { t.kill() }
    try startDashboard(t)

    // The header, the box drawing and braille charts appear. A capture can catch the terminal
    // half-way through drawing a frame, so wait for a frame that shows everything.
    let parts = [
      "traintop · digits", "adam lr 1.0e-3", "Loss", "Accuracy", "Learning rate", "Gradient norm",
      "Early stopping", "Events", "┌", "┘", "q quit",
    ]
    var r = t.waitFor { screen in
      screen.contains("RUNNING") && brailleCount(screen) > 40 && parts.allSatisfy { screen.contains($0) }
    }
    try #require(r.ok, "dashboard did not come up:\n\(r.screen)")
    for text in parts {
      #expect(r.screen.contains(text), "missing \(text)")
    }

    // ↑ raises the learning rate by 1.25: shown in the header and the events pane, logged with source "key".
    t.send("Up")
    r = t.waitFor { $0.contains("adam lr 1.25e-3") && $0.contains("lr 1.0e-3 → 1.25e-3 (key)") }
    try #require(r.ok, "lr change not on screen:\n\(r.screen)")
    let events = try #require(runDirectory(t)).appendingPathComponent("events.jsonl")
    let log = try String(contentsOf: events, encoding: .utf8)
    #expect(log.contains("\"message\":\"lr 1.0e-3 → 1.25e-3\""))
    #expect(log.contains("\"source\":\"key\""))

    // p pauses: the step count stops advancing.
    t.send("p")
    r = t.waitFor { $0.contains("PAUSED") }
    try #require(r.ok, "not paused:\n\(r.screen)")
    let pausedAt = shownStep(r.screen)
    usleep(800_000)
    #expect(shownStep(t.screen()) == pausedAt)
    #expect(pausedAt != nil)

    // :lr 0.01 applies; :lr abc shows an inline error and changes nothing.
    t.send(":")
    t.type("lr 0.01")
    t.send("Enter")
    r = t.waitFor { $0.contains("→ 1.0e-2 (prompt)") }
    try #require(r.ok, "prompt lr not applied:\n\(r.screen)")
    t.send(":")
    t.type("lr abc")
    t.send("Enter")
    r = t.waitFor { $0.contains("lr: expected a positive number, got \"abc\"") }
    try #require(r.ok, "no inline error:\n\(r.screen)")
    t.send("Escape")

    // Too small below 60×16; the dashboard comes back after resizing.
    t.resize(columns: 50, rows: 12)
    r = t.waitFor { $0.contains("terminal too small: need 60×16, have 50×12") }
    try #require(r.ok, "no too-small screen:\n\(r.screen)")
    t.resize(columns: 120, rows: 40)
    r = t.waitFor { $0.contains("traintop · digits") && $0.contains("Gradient norm") }
    try #require(r.ok, "dashboard not restored:\n\(r.screen)")

    // e stops early and shows the reason; the dashboard stays open with the results.
    t.send("e")
    r = t.waitFor { $0.contains("STOPPED (manual)") && $0.contains("test") }
    try #require(r.ok, "no manual stop:\n\(r.screen)")

    // q exits and the terminal is restored.
    t.send("q")
    r = t.waitFor { $0.contains("EXITED") }
    #expect(r.screen.contains("TTY_RESTORED"), "terminal not restored:\n\(r.screen)")
    #expect(r.screen.contains("EXITED rc=0"))
  }

  /// q while training asks first; y stops gracefully, saves and exits 0.
  @Test func quitAsksWhileTraining() throws {
    let t = try TmuxSession()
    defer { t.kill() }
    try startDashboard(t)
    try #require(t.waitFor { $0.contains("RUNNING") }.ok, "never showed RUNNING")
    t.send("q")
    var r = t.waitFor { $0.contains("Stop it and quit?") }
    try #require(r.ok, "no confirmation:\n\(r.screen)")
    t.send("n")
    r = t.waitFor { !$0.contains("Stop it and quit?") && $0.contains("RUNNING") }
    try #require(r.ok, "cancel did not return to the dashboard")
    t.send("q")
    _ = t.waitFor { $0.contains("Stop it and quit?") }
    t.send("y")
    r = t.waitFor { $0.contains("EXITED") }
    #expect(r.screen.contains("TTY_RESTORED") && r.screen.contains("EXITED rc=0"), "\(r.screen)")
    let last = try #require(runDirectory(t)).appendingPathComponent("checkpoints/last.safetensors")
    #expect(FileManager.default.fileExists(atPath: last.path))
  }

  /// SIGINT and SIGTERM: finish the step, save last.safetensors, restore the terminal, exit 130 / 143.
  @Test(arguments: [("C-c", 130), ("TERM", 143)])
  func signalsRestoreTheTerminal(signal: (String, Int)) throws {
    let t = try TmuxSession()
    defer { t.kill() }
    try startDashboard(t)
    try #require(t.waitFor { $0.contains("RUNNING") }.ok, "never showed RUNNING")
    if signal.0 == "C-c" {
      t.send("C-c")
    } else {
      let pids = try runProcess(
        "/usr/bin/pgrep", ["-f", "\(traintop) train digits --epochs 5000 --patience 0 --runs-dir \(t.directory)"])
      let pid = try #require(pids.standardOutput.split(separator: "\n").first.flatMap { Int32($0) })
      #expect(kill(pid, SIGTERM) == 0)
    }
    let r = t.waitFor { $0.contains("EXITED") }
    #expect(r.screen.contains("TTY_RESTORED"), "terminal not restored:\n\(r.screen)")
    #expect(r.screen.contains("EXITED rc=\(signal.1)"), "\(r.screen)")
    let run = try #require(runDirectory(t))
    #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("checkpoints/last.safetensors").path))
    let events = try String(contentsOf: run.appendingPathComponent("events.jsonl"), encoding: .utf8)
    #expect(events.contains("\"source\":\"signal\""))
  }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct TerminalTypeEndToEndTests {
  /// The dashboard comes up and quits cleanly with TERM=xterm, linux and screen, and with NO_COLOR.
  @Test(arguments: [
    ["TERM": "xterm"], ["TERM": "linux"], ["TERM": "screen"], ["TERM": "xterm-256color", "NO_COLOR": "1"],
  ])
  func worksWithTerminal(environment: [String: String]) throws {
    let t = try TmuxSession()
    defer { t.kill() }
    try t.start(
      "'\(traintop)' train iris --epochs 5000 --patience 0 --runs-dir '\(t.directory)/runs'",
      environment: environment)
    let r = t.waitFor { $0.contains("RUNNING") && $0.contains("Loss") && brailleCount($0) > 10 }
    try #require(r.ok, "\(environment): dashboard did not come up:\n\(r.screen)")
    t.send("e")
    try #require(t.waitFor { $0.contains("STOPPED (manual)") }.ok, "never showed STOPPED (manual)")
    t.send("q")
    let end = t.waitFor { $0.contains("EXITED") }
    #expect(end.screen.contains("TTY_RESTORED") && end.screen.contains("EXITED rc=0"), "\(end.screen)")
  }
}
