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

  /// Prints the engine against the bare step, then what watching costs.
  ///
  /// Engine and bare step are timed in 7 alternating rounds of about 0.4 s each (a fresh trainer
  /// per round, so no epoch end falls inside), and the medians compared: this VM's speed drifts.
  static func report(mnist: Dataset) {
    var engine: [Double] = []
    var bare: [Double] = []
    for _ in 0..<7 {
      engine.append(samplesPerSecond(dataset: mnist))
      bare.append(StepBenchmark.run(batch: 128, seconds: 0.8, rounds: 1).samplesPerSecond)
    }
    let e = engine.sorted()[3]
    let b = bare.sorted()[3]
    print(
      String(
        format:
          "Engine (Trainer on MNIST, batch 128, 1 thread): %.0f samples/s = %.1f%% of the bare step "
          + "(%.0f); medians of 7 alternating rounds",
        e, 100 * e / b, b))
    var watched: [(on: Double, off: Double)] = []
    for _ in 0..<3 {
      watched.append(
        (
          samplesPerSecond(dataset: mnist),
          samplesPerSecond(dataset: mnist, alerts: false)
        ))
    }
    let on = watched.map(\.on).sorted()[1]
    let off = watched.map(\.off).sorted()[1]
    print(
      String(
        format: "Health alerts (engine as above): on %.0f samples/s, all detectors off %.0f (on/off ×%.3f)", on, off,
        on / off))
  }
}
