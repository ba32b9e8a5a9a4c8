import Foundation
import NN
import Tensor
import TestSupport
import Testing

@testable import Training

/// In-process fuzzing of safetensors and of the checkpoint → configuration → model path.
@Suite(.serialized) struct TrainingFuzzTests {
  /// A real checkpoint of a small digits run, as bytes.
  static func checkpointBytes() throws -> [UInt8] {
    var c = TrainerFixtures.digitsConfiguration(epochs: 1)
    c.model = ModelSpec(sizes: [64, 4, 10])
    let trainer = Trainer(configuration: c, dataset: TrainerFixtures.digits)
    trainer.train(untilStep: 2)
    let checkpoint = try trainer.makeCheckpoint()
    return Array(Safetensors.encode(checkpoint.allTensors, metadata: checkpoint.metadata))
  }

  @Test func safetensors() throws {
    let small = Safetensors.encode(["w": Tensor(shape: [2, 2], storage: [1, 2, 3, 4]), "b": Tensor([0.5])])
    FuzzBudget.run(seeds: [Array(small), try Self.checkpointBytes()]) { input in
      _ = try? Safetensors.decode(Data(input), file: "fuzz")
    }
  }

  /// What `eval` and `--resume` do with a file: decode, read the configuration, validate it, build
  /// the model, load the weights and the resume state.
  @Test func checkpointToModel() throws {
    let dataset = TrainerFixtures.digits
    FuzzBudget.run(seeds: [try Self.checkpointBytes()]) { input in
      guard let decoded = try? Safetensors.decode(Data(input), file: "fuzz") else { return }
      var checkpoint = Checkpoint(model: [:], metadata: decoded.metadata)
      for (name, tensor) in decoded.tensors where !name.hasPrefix(Checkpoint.optimizerPrefix) {
        checkpoint.model[name] = tensor
      }
      guard let configuration = try? checkpoint.json(TrainerConfiguration.self, for: .config),
        (try? configuration.validate()) != nil,
        configuration.model.sizes.first == dataset.featureCount,
        configuration.model.sizes.last == dataset.task.outputCount
      else { return }
      var small = configuration
      small.epochs = min(small.epochs, 2)
      let trainer = Trainer(configuration: small, dataset: dataset)
      try? trainer.restore(from: checkpoint)
    }
  }
}
