import Datasets
import Foundation
import NN
import Tensor
import Training

/// Measures the trainer engine's throughput on MNIST (batch filling, metrics, history, commands, snapshots included).
enum EngineBenchmark {
  /// Samples per second of `steps` engine steps at batch 128 (no epoch end inside the window).
  static func samplesPerSecond(dataset: Dataset, steps: Int = 300) -> Double {
    var configuration = TrainerConfiguration(model: ModelSpec(sizes: [784, 256, 128, 10]))
    configuration.batchSize = 128
    configuration.epochs = 1
    configuration.settings.learningRate = 1e-3
    let trainer = Trainer(configuration: configuration, dataset: dataset)
    trainer.train(untilStep: 20)  // warm-up
    let start = DispatchTime.now().uptimeNanoseconds
    trainer.train(untilStep: 20 + steps)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return Double(steps * 128) / seconds
  }
}
