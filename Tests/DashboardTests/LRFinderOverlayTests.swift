import Dashboard
import Foundation
import Testing
import Training

/// The LR finder overlay and its keys.
@Suite struct LRFinderOverlayTests {
  /// A snapshot waiting on an LR finder result: a valley-shaped curve over 1e-7…1, two suggestions.
  static func snapshot() -> TrainingSnapshot {
    var snapshot = FakeSnapshot.mnist()
    let rates = (0..<60).map { 1e-7 * pow(10, Double($0) / 10) }
    let losses = (0..<60).map { i -> Double in
      let x = Double(i - 40) / 10
      return 0.5 + x * x
    }
    snapshot.lrFinder = LRFinderResult(
      curve: LRCurve(rates: rates, losses: losses, stoppedAtStep: 59),
      suggestions: [LRSuggestion(rule: .valley, rate: 1e-4), LRSuggestion(rule: .steep, rate: 1e-5)], step: 1830,
      resumes: true)
    return snapshot
  }

  @Test func overlayShowsTheCurveTheChoiceAndTheKeys() {
    var ui = UIState()
    let lines = render(Self.snapshot(), ui, width: 100, height: 30).lines
    let text = lines.joined(separator: "\n")
    #expect(text.contains("LR finder · from step 1830 · ←/→ choose · enter applies · esc discards"))
    #expect(text.contains("valley 1.0e-4 · steep 1.0e-5"))
    #expect(text.contains("log10 lr"))
    #expect(text.contains("▼"))
    // The marker sits over the chosen rate: move the choice and it moves left (1e-5 < 1e-4).
    func column(_ lines: [String]) -> Int? {
      for line in lines {
        if let index = line.firstIndex(of: "▼") { return line.distance(from: line.startIndex, to: index) }
      }
      return nil
    }
    let valleyColumn = column(lines)
    ui.suggestionChoice = 1
    let steepColumn = column(render(Self.snapshot(), ui, width: 100, height: 30).lines)
    #expect(valleyColumn != nil && steepColumn != nil)
    #expect((steepColumn ?? 0) < (valleyColumn ?? 0))
  }

  @Test func arrowsChooseEnterAppliesEscDiscards() {
    let snapshot = Self.snapshot()
    var ui = UIState()
    #expect(
      ui.apply(.enter, snapshot: snapshot) == [.send(.finishLRFind(apply: 1e-4), .key)])
    _ = ui.apply(.right, snapshot: snapshot)
    _ = ui.apply(.right, snapshot: snapshot)  // only two suggestions: stays on the second
    #expect(ui.suggestionChoice == 1)
    #expect(ui.apply(.enter, snapshot: snapshot) == [.send(.finishLRFind(apply: 1e-5), .key)])
    #expect(ui.suggestionChoice == 0)  // back to the valley for next time
    #expect(ui.apply(.escape, snapshot: snapshot) == [.send(.finishLRFind(apply: nil), .key)])
    // Without a result, f starts one and the prompt word does too.
    #expect(ui.apply(.character("f"), snapshot: FakeSnapshot.mnist()) == [.send(.findLearningRate, .key)])
    #expect(PromptCommand.parse("lr-find") == .success(.trainer(.findLearningRate)))
  }
}
