import Foundation
import TestSupport
import Testing

@testable import Training

/// `--compare`: a finished run read back from its directory for the ghost lines.
@Suite struct ComparisonRunTests {
  @Test func aRunDirectoryReadsBackAsItsEpochsAndSteps() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let log = try RunLog(root: root, name: "old")
    let trainer = Trainer(
      configuration: TrainerFixtures.digitsConfiguration(epochs: 2), dataset: TrainerFixtures.digits, runLog: log)
    trainer.run()
    let run = try ComparisonRun.load(log.directory)
    #expect(run.name == log.directory.lastPathComponent)
    #expect(run.epochs.map(\.epoch) == [1, 2])
    #expect(run.epochs.map(\.validationLoss) == trainer.epochs.map(\.validationLoss))
    #expect(run.epochs.map(\.validationMetric) == trainer.epochs.map(\.validationMetric))
    #expect(run.stepLoss.buckets.count == 40)  // 2 epochs of 20 steps, one bucket each
    // steps.jsonl holds the shortest round-trip decimals; Foundation's JSON parser may land an ulp off.
    for (read, live) in zip(run.stepLoss.buckets.map(\.last), TrainerFixtures.losses(trainer)) {
      #expect(abs(read - live) <= 1e-13 * abs(live))
    }
    #expect(run.learningRate.buckets.first?.last == 1e-2)
  }

  @Test func aMissingOrDamagedMetricsFileIsNamed() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(throws: RunLogError.unreadable(path: root.path + "/metrics.csv")) { try ComparisonRun.load(root) }
    try "epoch,train_loss,val_loss\n1,0.5,0.6\n2,0.4\n".write(
      to: root.appendingPathComponent("metrics.csv"), atomically: true, encoding: .utf8)
    #expect(throws: RunLogError.badLine(path: root.path + "/metrics.csv", line: 3)) { try ComparisonRun.load(root) }
  }
}
