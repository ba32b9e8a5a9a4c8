import Search
import Testing

@testable import Dashboard

/// The trials dashboard as text: a hand-made study of five trials drawn into a `Screen`.
@Suite struct TrialsViewTests {
  /// Trials 0–4 of a maximised val_accuracy search over lr (log) and optimizer: three complete
  /// (trial 3 the best), one pruned, one running.
  static func snapshot() throws -> SearchSnapshot {
    let space = SearchSpace([
      .init(name: "lr", distribution: .range(low: 1e-4, high: 1e-1, log: true, integer: false, points: nil)),
      .init(name: "optimizer", distribution: .choice([.text("adam"), .text("sgd")])),
    ])
    var study = try Study(space: space, direction: .maximize, strategy: .tpe, pruner: .asha, trials: 10, seed: 1)
    let rows: [(Double, String, TrialState, [Double], Double?)] = [
      (1e-3, "adam", .complete, [0.90, 0.95], 0.95),
      (1e-1, "sgd", .pruned, [0.40], nil),
      (3e-4, "sgd", .complete, [0.85, 0.91], 0.91),
      (2e-3, "adam", .complete, [0.93, 0.97], 0.97),
      (5e-3, "adam", .running, [0.80], nil),
    ]
    for (number, row) in rows.enumerated() {
      var trial = Trial(number: number, parameters: ["lr": .number(row.0), "optimizer": .text(row.1)])
      trial.state = row.2
      for (epoch, value) in row.3.enumerated() { trial.intermediate[epoch + 1] = value }
      trial.epochs = row.3.count
      trial.objective = row.4
      study.restore(trial)
    }
    return SearchSnapshot(
      study: study, metric: "val_accuracy", name: "2026-12-03-digits-search", parallel: 2,
      progress: [4: TrialProgress(epoch: 2, epochs: 20)], events: ["Trial 3 complete: val_accuracy 0.9700"])
  }

  @Test func drawsTheTableChartsAndHeaderAt120By40() throws {
    let snapshot = try Self.snapshot()
    let lines = TrialsView.render(snapshot, TrialsState(), width: 120, height: 40).lines
    #expect(lines.count == 40 && lines.allSatisfy { $0.count == 120 })
    #expect(lines[0].hasPrefix("traintop search · 2026-12-03-digits-search"))
    #expect(lines[0].hasSuffix("RUNNING"))
    #expect(
      lines[1].hasPrefix(
        "tpe · pruner asha · val_accuracy max · 5/10 trials: 3 complete, 1 pruned, 1 running · parallel 2 "
          + "· best 0.9700 (#3)"))
    #expect(lines[2].hasPrefix("┌ trials · sorted by # ▲ (s, S) "))
    #expect(lines[3].hasPrefix("│  #▲ state          lr  optimizer  epochs  val_accuracy  "))
    // Trial 0 is selected (reverse video), trial 3 is starred, trial 4 shows its progress.
    #expect(lines[4].hasPrefix("│   0 complete    0.001       adam       2       0.9500   "))
    #expect(lines[7].hasPrefix("│   3 complete    0.002       adam       2       0.9700★  "))
    #expect(lines[8].hasPrefix("│   4 running     0.005       adam    2/20       0.8000   "))
    let screen = TrialsView.render(snapshot, TrialsState(), width: 120, height: 40)
    #expect(screen.cell(x: 1, y: 4).style.reverse)
    #expect(!screen.cell(x: 1, y: 5).style.reverse)
    let text = lines.joined(separator: "\n")
    for part in [
      "val_accuracy per epoch", "best so far · objective per trial · 0.9700 (#3)", "lr · log x", "optimizer",
      "importance · Spearman |ρ|, η", "ρ: numbers · η: choices", "events", "Trial 3 complete: val_accuracy 0.9700",
      "1e-4", "0.1", "adam", "sgd", "⏎ open trial",
    ] {
      #expect(text.contains(part), "missing \(part)")
    }
    #expect(lines[39].hasPrefix("↑↓ select · ⏎ open trial · s/S sort · p pause · x stop trial"))
  }

  /// Sorting by the metric puts the best first (the search maximises), missing values last;
  /// S reverses; ↓ follows the table's order.
  @Test func sortsAndMovesInTableOrder() throws {
    let snapshot = try Self.snapshot()
    var state = TrialsState()
    #expect(TrialsTable.rows(snapshot, sort: .metric, descending: false).map(\.number) == [3, 0, 2, 4, 1])
    // s steps #, state, lr, optimizer, epochs, val_accuracy.
    for expected in [TrialsSort.state, .parameter("lr"), .parameter("optimizer"), .epochs, .metric, .number] {
      _ = state.apply(.character("s"), snapshot: snapshot)
      #expect(state.sort == expected)
    }
    #expect(TrialsTable.rows(snapshot, sort: .parameter("lr"), descending: true).map(\.number) == [1, 4, 3, 0, 2])
    state.sort = .metric
    _ = state.apply(.down, snapshot: snapshot)
    #expect(state.selected == 2)  // from trial 0 (the default), the next row in metric order [3, 0, 2, 4, 1]
    _ = state.apply(.home, snapshot: snapshot)
    #expect(state.selected == 3)
    _ = state.apply(.end, snapshot: snapshot)
    #expect(state.selected == 1)
    let lines = TrialsView.render(snapshot, state, width: 120, height: 40).lines
    #expect(lines[2].hasPrefix("┌ trials · sorted by val_accuracy ▲ (s, S) "))
    #expect(lines[4].hasPrefix("│   3 complete"))
  }

  /// Keys become requests for the selected trial; q asks first while trials run.
  @Test func keysAskTheSearch() throws {
    let snapshot = try Self.snapshot()
    var state = TrialsState()
    state.selected = 4
    #expect(state.apply(.enter, snapshot: snapshot) == [.open(4)])
    #expect(state.apply(.character("x"), snapshot: snapshot) == [.stop(4)])
    #expect(state.apply(.character("P"), snapshot: snapshot) == [.promote(4)])
    #expect(state.apply(.character("p"), snapshot: snapshot) == [.setPaused(true)])
    #expect(state.apply(.character("+"), snapshot: snapshot) == [.addTrials(1)])
    #expect(state.apply(.character(">"), snapshot: snapshot) == [.setParallel(3)])
    #expect(state.apply(.character("q"), snapshot: snapshot) == [])
    #expect(state.confirmingQuit)
    #expect(TrialsView.render(snapshot, state, width: 120, height: 40).lines[39].hasPrefix("Trials are still running."))
    #expect(state.apply(.character("n"), snapshot: snapshot) == [])
    _ = state.apply(.character("q"), snapshot: snapshot)
    #expect(state.apply(.character("y"), snapshot: snapshot) == [.quit])
  }

  /// `:` commands: each parsed into its request; a bad one shows its error and asks nothing.
  @Test func promptCommands() throws {
    let snapshot = try Self.snapshot()
    let cases: [(String, SearchRequest)] = [
      ("space lr 1e-3..1e-2:log", .changeSpace(name: "lr", spec: "1e-3..1e-2:log")),
      ("space optimizer=adam,sgd", .changeSpace(name: "optimizer", spec: "adam,sgd")),
      ("trials 40", .setTrials(40)), ("trials +5", .addTrials(5)), ("parallel 4", .setParallel(4)),
      ("stop 2", .stop(2)), ("stop", .stop(0)), ("promote #3", .promote(3)), ("pause", .setPaused(true)),
      ("resume", .setPaused(false)), ("open 1", .open(1)), ("quit", .quit),
    ]
    for (line, expected) in cases {
      var state = TrialsState()
      _ = state.apply(.character(":"), snapshot: snapshot)
      for character in line { _ = state.apply(.character(character), snapshot: snapshot) }
      #expect(state.apply(.enter, snapshot: snapshot) == [expected], "\(line)")
      #expect(!state.prompt.isOpen)
    }
    var state = TrialsState()
    _ = state.apply(.character(":"), snapshot: snapshot)
    for character in "trials -3" { _ = state.apply(.character(character), snapshot: snapshot) }
    #expect(state.apply(.enter, snapshot: snapshot) == [])
    #expect(state.prompt.error == "expected trials N with N a whole number above 0")
    let footer = TrialsView.render(snapshot, state, width: 120, height: 40).lines[39]
    #expect(footer.hasPrefix("expected trials N with N a whole number above 0"))
    guard case .failure(let failure) = SearchPrompt.parse("lr 0.1", selected: nil) else {
      Issue.record("lr is not a search command")
      return
    }
    #expect(failure.message.hasPrefix("unknown command 'lr' (commands: space, trials, parallel"))
  }

  /// The best-so-far line steps up only on a better complete trial; the pruned and running are skipped.
  @Test func bestSoFarHistory() throws {
    let history = BestSoFarPane.history(try Self.snapshot().study)
    #expect(history.map(\.x) == [0, 2, 3])
    #expect(history.map(\.y) == [0.95, 0.95, 0.97])
  }

  /// Narrow screens: too small below 60×16; at 60×16 every box still has its title.
  @Test func smallScreens() throws {
    let snapshot = try Self.snapshot()
    #expect(
      TrialsView.render(snapshot, TrialsState(), width: 50, height: 12).lines.joined().contains(
        "terminal too small: need 60×16, have 50×12"))
    let text = TrialsView.render(snapshot, TrialsState(), width: 60, height: 16).lines.joined(separator: "\n")
    #expect(text.contains("trials"))
    #expect(text.contains("importance"))
    #expect(!text.contains("events"))
  }

  /// Every size from the smallest up, with trials and with none yet: every line is as wide as the
  /// screen (nothing drawn outside it), and the header always names the search.
  @Test func everySizeDraws() throws {
    let full = try Self.snapshot()
    var empty = full
    empty.study = try Study(
      space: full.study.space, direction: .minimize, strategy: .random, pruner: .none, trials: 5, seed: 0)
    for snapshot in [full, empty] {
      for width in stride(from: 60, through: 200, by: 7) {
        for height in stride(from: 16, through: 60, by: 5) {
          let lines = TrialsView.render(snapshot, TrialsState(), width: width, height: height).lines
          #expect(lines.count == height && lines.allSatisfy { $0.count == width })
          #expect(lines[0].hasPrefix("traintop search"), "\(width)×\(height)")
        }
      }
    }
  }
}
