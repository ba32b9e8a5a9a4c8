import Foundation
import TestSupport
import Testing

@testable import Training

/// `--save-every K` and `--keep-checkpoints N`: epoch checkpoints every K epochs, the newest N kept.
@Suite struct CheckpointRetentionTests {
  @Test func everyKEpochsKeepingTheNewestN() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let log = try RunLog(root: root, name: "digits")
    var configuration = TrainerFixtures.digitsConfiguration(epochs: 7)
    configuration.earlyStoppingEnabled = false
    configuration.saveEvery = 2
    configuration.keepCheckpoints = 2
    let trainer = Trainer(configuration: configuration, dataset: TrainerFixtures.digits, runLog: log)
    trainer.run()
    // Epochs 2, 4 and 6 were saved; keeping two leaves 4 and 6.
    #expect(log.epochCheckpoints() == [4, 6])
    let names = try FileManager.default.contentsOfDirectory(
      atPath: root.path + "/" + log.directory.lastPathComponent
        + "/checkpoints"
    ).sorted()
    #expect(names == ["best.safetensors", "epoch-4.safetensors", "epoch-6.safetensors", "last.safetensors"])
    let saves = trainer.recorder.recent.filter {
      if case .epochCheckpoint = $0.detail { return true }
      return false
    }
    #expect(
      saves.map(\.message) == [
        "checkpoint saved to checkpoints/epoch-2.safetensors",
        "checkpoint saved to checkpoints/epoch-4.safetensors",
        "checkpoint saved to checkpoints/epoch-6.safetensors; removed checkpoints/epoch-2.safetensors",
      ])
    // Each is a full checkpoint: it restores into a fresh trainer at its epoch.
    let checkpoint = try Checkpoint.load(from: log.epochCheckpointURL(4))
    #expect(checkpoint.epoch == 4)
  }
}
