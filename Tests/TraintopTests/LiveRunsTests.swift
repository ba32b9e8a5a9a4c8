import Dashboard
import Foundation
import Testing
import Training

@testable import traintop

/// `:fork`, `w` and `:keep` on the live source, with trainers stood in for by channels.
@Suite struct LiveRunsTests {
  private func snapshot(_ loss: Double) -> TrainingSnapshot {
    var s = TrainingSnapshot(
      info: RunInfo(
        datasetName: "digits", modelSummary: "m", isClassification: true, totalEpochs: 3, stepsPerEpoch: 40,
        batchSize: 32))
    s.step = 50
    s.epochs = [
      EpochMetrics(
        epoch: 1, trainLoss: loss, trainMetric: 0.5, validationLoss: loss, validationMetric: 0.5, learningRate: 1e-3,
        seconds: 1, samplesPerSecond: 1)
    ]
    return s
  }

  @Test func forkStartsACopyThatTakesTheFocus() throws {
    let a = TrainerChannel()
    a.publish(snapshot(1))
    let b = TrainerChannel()
    b.publish(snapshot(2))
    var spawned: [(step: Int?, change: TrainerCommand, name: String)] = []
    let runs = LiveRuns(channel: a) { state, change, name, parent in
      #expect(parent === a)
      spawned.append((state.step, change, name))
      return b
    }
    let ui = UIState()
    #expect(runs.fork(.set(.learningRate, 3e-4)) == "fork: copying run A…")
    #expect(a.drainCommands().map(\.0) == [.fork])  // the parent is asked for its state
    _ = runs.version(for: ui)
    #expect(spawned.isEmpty)  // nothing until the state arrives
    var state = Checkpoint(model: [:])
    state.step = 50
    a.deliverFork(state)
    _ = runs.version(for: ui)
    #expect(spawned.count == 1 && spawned[0].step == 50 && spawned[0].name == "B")
    #expect(spawned[0].change == .set(.learningRate, 3e-4))
    #expect(runs.takeNotice()?.hasPrefix("fork: run B (lr → 3.0e-4) continues beside A") == true)
    #expect(runs.takeNotice() == nil)

    // B is shown, A drawn beside it; commands go to B.
    var shown = try #require(runs.snapshot(for: ui))
    #expect(shown.epochs.first?.trainLoss == 2 && shown.info.comparisons.map(\.name) == ["A"])
    runs.send(.pause, source: .key)
    #expect(b.drainCommands().map(\.0) == [.pause] && a.drainCommands().isEmpty)
    #expect(runs.fork(.set(.learningRate, 1e-2)).hasPrefix("fork: 2 runs at most at once"))

    #expect(runs.switchRun() == "run A: the panes and commands are its")
    shown = try #require(runs.snapshot(for: ui))
    #expect(shown.epochs.first?.trainLoss == 1 && shown.info.comparisons.map(\.name) == ["B: lr → 3.0e-4"])

    #expect(runs.keep("B") == "keep: run B: lr → 3.0e-4 goes on, the others stop")
    #expect(a.drainCommands().map(\.0) == [.stop(.manual)] && b.drainCommands().isEmpty)
    #expect(runs.keep("Z").hasPrefix("keep: no run Z"))
  }

  @Test func aParentThatStopsBeforeHandingOverGivesTheForkUp() {
    let a = TrainerChannel()
    let runs = LiveRuns(channel: a) { _, _, _, _ in
      Issue.record("no state was handed over, so nothing may start")
      return TrainerChannel()
    }
    _ = runs.fork(.set(.learningRate, 1e-2))
    a.finish()
    _ = runs.version(for: UIState())
    #expect(runs.takeNotice() == "fork: run A did not hand over its state (its events say why)")
    #expect(runs.runs.count == 1 && runs.fork(.set(.learningRate, 1e-2)) == "fork: run A has stopped")
  }

  @Test func withoutSpawningForksAreRefused() {
    let runs = LiveRuns(channel: TrainerChannel(), spawn: nil)
    #expect(runs.fork(.set(.learningRate, 1e-3)).hasPrefix("fork: not here"))
    #expect(runs.switchRun().hasPrefix("one run"))
  }

  @Test func compareDrawsAnEarlierRunAndRemovesIt() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "epoch,train_loss,train_acc,val_loss,val_acc,lr,seconds,samples_per_sec\n1,0.5,0.8,0.6,0.7,0.001,1,100\n"
      .write(to: dir.appendingPathComponent("metrics.csv"), atomically: true, encoding: .utf8)
    let channel = TrainerChannel()
    channel.publish(snapshot(1))
    let runs = LiveRuns(channel: channel, earlierRuns: { [(dir.path, "old run")] }, spawn: nil)
    #expect(runs.comparisonChoices() == [.init(path: dir.path, line: "old run", isShown: false)])
    #expect(runs.toggleComparison(dir.path) == "compare: \(dir.lastPathComponent) drawn as ghost lines")
    let shown = try #require(runs.snapshot(for: UIState()))
    #expect(shown.info.comparisons.map(\.name) == [dir.lastPathComponent])
    #expect(shown.info.comparisons.first?.epochs.first?.validationMetric == 0.7)
    #expect(runs.comparisonChoices().first?.isShown == true)
    #expect(runs.toggleComparison(dir.path) == "compare: \(dir.lastPathComponent) removed")
    #expect(runs.snapshot(for: UIState())?.info.comparisons.isEmpty == true)
    #expect(runs.toggleComparison("/nonexistent").hasPrefix("compare: cannot read"))
  }
}
