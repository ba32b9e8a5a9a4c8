import Datasets
import Foundation
import NN
import Tensor
import Training

/// Measures the trainer engine's throughput on MNIST (batch filling, metrics, history, commands, snapshots included).
enum EngineBenchmark {
  /// Samples per second of `steps` engine steps at batch 128 (no epoch end inside the window).
  /// With `alerts` false every health detector is off (thresholds 0), to measure what watching costs.
  static func samplesPerSecond(dataset: Dataset, steps: Int = 300, alerts: Bool = true) -> Double {
    var configuration = TrainerConfiguration(model: ModelSpec(sizes: [784, 256, 128, 10]))
    if !alerts {
      var off = HealthSettings()
      for threshold in HealthThreshold.allCases { off[threshold] = 0 }
      configuration.alerts = off
    }
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
