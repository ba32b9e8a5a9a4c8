import Foundation
import TestSupport
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct RunBudgetEndToEndTests {
  /// `:run 50` from a pause takes exactly 50 steps and pauses again, saying so; `u` undoes a change;
  /// `:lr-find` shows the sweep and Enter applies its suggestion; a double click zooms a pane.
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

    // A double click on the accuracy pane (column 90, row 6 of 120×40: the top-right cell) zooms it;
    // Esc goes back to the grid. The clicks are typed as the terminal reports them in the mode
    // ncurses asks for (X10: ESC [ M, then button + 32, column + 33, row + 33; button 3 = release).
    let click = "\u{1B}[M {'\u{1B}[M#{'"
    t.type(click + click)
    r = t.waitFor { $0.contains("┌ Accuracy") && !$0.contains("Loss") }
    try #require(r.ok, "double click did not zoom the accuracy pane:\n\(r.screen)")
    t.send("Escape")
    r = t.waitFor { $0.contains("Loss") && $0.contains("Accuracy") }
    try #require(r.ok, "Esc did not unzoom:\n\(r.screen)")

    t.send("q")
    _ = t.waitFor { $0.contains("Stop it and quit?") }
    t.send("y")
    r = t.waitFor { $0.contains("EXITED") }
    #expect(r.screen.contains("TTY_RESTORED") && r.screen.contains("EXITED rc=0"), "\(r.screen)")
  }
}
