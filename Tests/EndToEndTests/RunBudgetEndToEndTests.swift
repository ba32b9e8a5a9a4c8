import Foundation
import TestSupport
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct RunBudgetEndToEndTests {
  /// `:run 50` from a pause takes exactly 50 steps and pauses again, saying so; `u` undoes a change;
  /// `:lr-find` shows the sweep and Enter applies its suggestion.
  @Test func runFiftyStepsThenPause() throws {
    let t = try TmuxSession()
    defer { t.kill() }
    try startDashboard(t)
    try #require(t.waitFor { $0.contains("RUNNING") }.ok, "never showed RUNNING")
    t.send("p")
    var r = t.waitFor { $0.contains("PAUSED") }
    try #require(r.ok, "not paused:\n\(r.screen)")
    let start = try #require(shownStep(r.screen))
    t.send(":")
    t.type("run 50")
    t.send("Enter")
    r = t.waitFor { $0.contains("paused: \(start + 50) steps reached") && $0.contains("PAUSED") }
    try #require(r.ok, "no pause after 50 steps:\n\(r.screen)")
    #expect(shownStep(r.screen) == start + 50)
    #expect(r.screen.contains("run 50 steps, then pause (prompt)"))

    // A change, then u: the event says what was undone and from which step.
    t.send(":")
    t.type("lr 0.01")
    t.send("Enter")
    r = t.waitFor { $0.contains("→ 1.0e-2 (prompt)") }
    try #require(r.ok, "lr not changed:\n\(r.screen)")
    t.send("u")
    r = t.waitFor { $0.contains("undo lr 1.0e-3 → 1.0e-2 (step \(start + 50))") && $0.contains("adam lr 1.0e-3") }
    try #require(r.ok, "no undo:\n\(r.screen)")

    // :lr-find sweeps a copy and waits; Enter applies the valley suggestion as an LR change.
    t.send(":")
    t.type("lr-find")
    t.send("Enter")
    r = t.waitFor { $0.contains("LR finder · from step") && $0.contains("valley ") }
    try #require(r.ok, "no LR finder overlay:\n\(r.screen)")
    t.send("Enter")
    r = t.waitFor { $0.contains("(lr-find)") && !$0.contains("LR finder · from step") }
    try #require(r.ok, "lr-find suggestion not applied:\n\(r.screen)")

    t.send("q")
    _ = t.waitFor { $0.contains("Stop it and quit?") }
    t.send("y")
    r = t.waitFor { $0.contains("EXITED") }
    #expect(r.screen.contains("TTY_RESTORED") && r.screen.contains("EXITED rc=0"), "\(r.screen)")
  }
}
