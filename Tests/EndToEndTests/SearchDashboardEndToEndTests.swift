import Foundation
import TestSupport
import Testing

/// The search directory under the session's runs folder.
private func searchDirectory(_ session: TmuxSession) -> URL? {
  let runs = URL(fileURLWithPath: session.directory + "/runs")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []
  return names.filter { $0.hasSuffix("-search") }.sorted().last.map { runs.appendingPathComponent($0) }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct SearchDashboardEndToEndTests {
  /// One session walks through the trials dashboard as a user would: the table appears, Enter opens
  /// a trial's own dashboard (and its keys steer it), Esc returns, `x` stops a trial, `:space`
  /// changes the space (saved for --resume), `p` pauses, `P` promotes, q asks and quits.
  @Test func steerASearchFromTheTrialsDashboard() throws {
    let t = try TmuxSession()
    defer { t.kill() }
    let runs = t.directory + "/runs"
    // Trials that would train for minutes (no early stopping), one at a time, so they are there to steer.
    try t.start(
      "'\(traintop)' search digits --vary lr=1e-4..1e-1:log --vary dropout=0..0.5 --trials 4 --parallel 1 "
        + "--epochs 5000 --patience 0 --pruner none --metric val_accuracy --tensorboard off --runs-dir '\(runs)'",
      environment: ["TERM": "xterm-256color", "XDG_CONFIG_HOME": t.directory + "/config"])

    // The table, the curves, the best-so-far chart, a scatter per parameter and the importance box.
    let parts = [
      "traintop search", "RUNNING", "trials · sorted by #", "val_accuracy per epoch", "best so far", "lr · log x",
      "dropout", "importance · Spearman |ρ|, η", "1/4 trials", "running", "⏎ open trial",
    ]
    var r = t.waitFor { screen in parts.allSatisfy { screen.contains($0) } && screen.contains("/5000") }
    try #require(r.ok, "trials dashboard did not come up:\n\(r.screen)")

    // Enter opens trial 0's own dashboard: its header and panes, and its keys steer it (↑ raises its lr).
    t.send("Enter")
    r = t.waitFor { $0.contains("trial 0 · esc: back to the trials") && $0.contains("Gradient norm") }
    try #require(r.ok, "trial dashboard did not open:\n\(r.screen)")
    t.send("p")
    r = t.waitFor { $0.contains("PAUSED") && $0.contains("trial 0 · esc") }
    try #require(r.ok, "p in the trial view did not pause the trial:\n\(r.screen)")
    t.send("p")
    _ = t.waitFor { $0.contains("RUNNING") && $0.contains("trial 0 · esc") }

    // Esc returns to the table.
    t.send("Escape")
    r = t.waitFor { $0.contains("trials · sorted by #") && !$0.contains("esc: back to the trials") }
    try #require(r.ok, "esc did not return to the table:\n\(r.screen)")

    // :space narrows lr; the event says so, and search.json keeps it for --resume.
    t.send(":")
    t.type("space lr 1e-3..1e-2:log")
    t.send("Enter")
    r = t.waitFor { $0.contains("space: lr 0.001..0.01:log (was 0.0001..0.1:log) from trial 1 on") }
    try #require(r.ok, "no space event:\n\(r.screen)")
    let search = try #require(searchDirectory(t))
    let plan = try String(contentsOf: search.appendingPathComponent("search.json"), encoding: .utf8)
    #expect(plan.contains("0.001..0.01:log"), "\(plan)")

    // A bad range is refused with the reason, and nothing changes.
    t.send(":")
    t.type("space lr 1e-2..1e-3")
    t.send("Enter")
    r = t.waitFor { $0.contains("empty or reversed") }
    try #require(r.ok, "bad range not refused:\n\(r.screen)")

    // x stops the selected (running) trial: it counts as complete, stopped by hand; trial 1 starts.
    t.send("x")
    r = t.waitFor { $0.contains("Trial 0 complete (stopped by hand after epoch") && $0.contains("2/4 trials") }
    try #require(r.ok, "x did not stop trial 0:\n\(r.screen)")
    let csv = try String(contentsOf: search.appendingPathComponent("trials.csv"), encoding: .utf8)
    #expect(csv.contains("0,complete,"), "\(csv)")
    #expect(csv.contains("stopped by hand"), "\(csv)")

    // Enter on the finished trial 0 shows its recorded run, as traintop view does; Esc returns.
    t.send("Enter")
    r = t.waitFor { $0.contains("trial 0 · esc: back to the trials") && $0.contains("VIEW") }
    try #require(r.ok, "finished trial did not open as a recording:\n\(r.screen)")
    t.send("Escape")
    r = t.waitFor { $0.contains("trials · sorted by #") }
    try #require(r.ok, "esc did not return from the recording:\n\(r.screen)")

    // p pauses the search; P promotes trial 0 to a full run of its own.
    t.send("p")
    r = t.waitFor { $0.contains("PAUSED") && $0.contains("search paused") }
    try #require(r.ok, "search not paused:\n\(r.screen)")
    t.send("P")
    r = t.waitFor { $0.contains("trial 0 promoted: a full run in") }
    try #require(r.ok, "no promotion:\n\(r.screen)")
    let promoted = (try? FileManager.default.contentsOfDirectory(atPath: runs))?.filter { $0.hasSuffix("-trial0") }
    #expect(promoted?.count == 1, "\(String(describing: promoted))")

    // + adds a trial and > one more at once: the header shows both, and search.json keeps them.
    t.send("+")
    t.send(">")
    r = t.waitFor { $0.contains("/5 trials") && $0.contains("· parallel 2") }
    try #require(r.ok, "+ and > not applied:\n\(r.screen)")
    let changed = try String(contentsOf: search.appendingPathComponent("search.json"), encoding: .utf8)
    #expect(changed.contains("\"trials\" : 5") && changed.contains("\"parallel\" : 2"), "\(changed)")

    // q asks while trials run; y quits, the terminal is restored and the search can resume.
    t.send("q")
    r = t.waitFor { $0.contains("Stop the search (--resume continues it) and quit?") }
    try #require(r.ok, "no quit question:\n\(r.screen)")
    t.send("y")
    r = t.waitFor { $0.contains("EXITED") }
    #expect(r.screen.contains("TTY_RESTORED"), "terminal not restored:\n\(r.screen)")
    #expect(r.screen.contains("EXITED rc=0"), "\(r.screen)")
    let after = try String(contentsOf: search.appendingPathComponent("trials.csv"), encoding: .utf8)
    // Trial 1 (left running for --resume) sampled lr from the narrowed range.
    let row = try #require(after.split(separator: "\n").first { $0.hasPrefix("1,running,") }, "\(after)")
    let lr = try #require(Double(row.split(separator: ",")[2]))
    #expect(lr >= 1e-3 && lr <= 1e-2, "\(row)")
  }
}
