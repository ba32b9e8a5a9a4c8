import Foundation
import NN
import Tensor
import TestSupport
import Testing
import Training

@Suite struct CheckpointTests {
  private func sampleCheckpoint() throws -> Checkpoint {
    var checkpoint = Checkpoint(
      model: [
        "layer0.weight": Tensor(shape: [2, 2], storage: [0.1, -0.2, .nan, 1e-30]),
        "layer0.bias": Tensor([3, -0.0]),
      ],
      optimizerState: [
        "layer0.weight.exp_avg": Tensor(shape: [2, 2], storage: [1, 2, 3, 4]),
        "layer0.weight.exp_avg_sq": Tensor(shape: [2, 2], storage: [5, 6, 7, .infinity]),
      ])
    checkpoint.epoch = 7
    checkpoint.step = 1234
    checkpoint[.optimizerKind] = OptimizerKind.adamw.rawValue
    var configuration = TrainerConfiguration(model: ModelSpec(sizes: [2, 2]))
    configuration.settings.learningRate = 3e-4
    try checkpoint.setJSON(configuration, for: .config)
    checkpoint[.resume] = #"{"rng":{"state":[18446744073709551615,1,9223372036854775809,42]}}"#
    checkpoint.metadata["custom"] = "kept"
    return checkpoint
  }

  @Test func saveLoadRoundTripIsBitExact() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("last.safetensors")
    let original = try sampleCheckpoint()
    try original.save(to: url)
    let loaded = try Checkpoint.load(from: url)
    #expect(Set(loaded.model.keys) == Set(original.model.keys))
    #expect(Set(loaded.optimizerState.keys) == Set(original.optimizerState.keys))
    for (name, tensor) in original.model {
      #expect(loaded.model[name]?.shape == tensor.shape && bits(loaded.model[name]) == bits(tensor), "\(name)")
    }
    for (name, tensor) in original.optimizerState {
      #expect(bits(loaded.optimizerState[name]) == bits(tensor), "\(name)")
    }
    // Metadata: everything back, plus the format marker.
    var expected = original.metadata
    expected[Checkpoint.Key.format.rawValue] = Checkpoint.formatVersion
    #expect(loaded.metadata == expected)
    #expect(loaded.epoch == 7 && loaded.step == 1234)
    #expect(loaded[.optimizerKind] == "adamw")
    #expect(try loaded.json(TrainerConfiguration.self, for: .config)?.settings.learningRate == 3e-4)
    #expect(loaded[.resume] == original[.resume])
    // Saving the loaded checkpoint again gives the same bytes.
    let again = directory.appendingPathComponent("again.safetensors")
    try loaded.save(to: again)
    #expect(try Data(contentsOf: again) == Data(contentsOf: url))
    #expect(try listing(directory) == ["again.safetensors", "last.safetensors"])
  }

  @Test func optimizerTensorsArePrefixedInTheFile() throws {
    let data = Safetensors.encode(try sampleCheckpoint().allTensors)
    let names = Set(try Safetensors.decode(data).tensors.keys)
    #expect(
      names == [
        "layer0.weight", "layer0.bias", "optimizer.layer0.weight.exp_avg", "optimizer.layer0.weight.exp_avg_sq",
      ])
  }

  @Test func loadsAPlainSafetensorsFileAsModelOnly() throws {
    let url = Fixtures.oracles.appendingPathComponent("mlp_parity/mlp_init.safetensors")
    let checkpoint = try Checkpoint.load(from: url)
    #expect(checkpoint.model.count == 4 && checkpoint.optimizerState.isEmpty)
    #expect(checkpoint.epoch == nil && checkpoint[.format] == nil)
    #expect(checkpoint.metadata["description"]?.hasPrefix("784-32-10") == true)  // other keys are kept as they are
  }

  @Test func failedSaveLeavesOldCheckpointIntact() throws {
    // The target path is a directory: the rename fails, nothing is replaced or left behind.
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("best.safetensors")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    #expect(throws: AtomicFileError.self) { try sampleCheckpoint().save(to: url) }
    #expect(try listing(directory) == ["best.safetensors"])
    #expect(try listing(url).isEmpty)
  }
}
