import Foundation
import TestSupport
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ConvnetDashboardEndToEndTests {
  /// A convnet on digits (8×8 images): readable layer names in the gradient bars; `v` shows the
  /// samples, confusion matrix and filters after the first epoch; Tab and Enter zoom the matrix.
  @Test func validationPageOfAConvnet() throws {
    let t = try TmuxSession()
    defer { t.kill() }
    try startDashboard(t, extra: "--model cnn-small")
    var r = t.waitFor { $0.contains("RUNNING") && $0.contains("conv1 16×3×3") && $0.contains("dense1 10") }
    try #require(r.ok, "no readable layer names in the gradient bars:\n\(r.screen)")
    #expect(r.screen.contains("conv2 32×3×3"))
    // The header names the weighted layers the same way.
    #expect(r.screen.contains("traintop · digits · conv1 16×3×3 · conv2 32×3×3 · dense1 10 · adam"))

    // The validation page: pictures once an epoch has ended (digits' epochs take well under a second).
    t.send("v")
    r = t.waitFor { screen in
      ["Samples ━ epoch", "Confusion ━ val epoch", "Filters ━ conv1 16×3×3", "Loss"].allSatisfy { screen.contains($0) }
        && screen.firstMatch(of: /\d→\d/) != nil
    }
    try #require(r.ok, "validation page incomplete:\n\(r.screen)")
    #expect(!r.screen.contains("Gradient norm") && !r.screen.contains("Learning rate"))

    // Tab from the loss (still focused) goes to the events, then the samples, then the confusion matrix:
    // zoomed, it is the 10×10 matrix with the class names along the top.
    for _ in 0..<3 { t.send("Tab") }
    t.send("Enter")
    r = t.waitFor { screen in
      screen.contains("Confusion ━ val epoch") && screen.contains("0  1  2  3  4  5  6  7  8  9")
        && !screen.contains("Samples ━") && !screen.contains("Filters ━")
    }
    try #require(r.ok, "no zoomed confusion matrix:\n\(r.screen)")

    // Esc unzooms (wait for it: a key right after Esc would read as Alt+key); v brings the curves back.
    t.send("Escape")
    r = t.waitFor { $0.contains("Samples ━") && $0.contains("Filters ━") }
    try #require(r.ok, "zoom did not end:\n\(r.screen)")
    t.send("v")
    r = t.waitFor { $0.contains("Gradient norm") && $0.contains("Learning rate") && !$0.contains("Samples ━") }
    try #require(r.ok, "training page not restored:\n\(r.screen)")

    t.send("q")
    _ = t.waitFor { $0.contains("Stop it and quit?") }
    t.send("y")
    r = t.waitFor { $0.contains("EXITED") }
    #expect(r.screen.contains("TTY_RESTORED") && r.screen.contains("EXITED rc=0"), "\(r.screen)")
  }
}
