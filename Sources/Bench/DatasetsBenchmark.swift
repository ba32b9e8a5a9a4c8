import Datasets
import Foundation

/// Data-pipeline timings: loading MNIST from gzip and gathering an epoch of batches.
enum DatasetsBenchmark {
  /// Runs the measurements; `datasetsDirectory` is the shipped `datasets/` folder.
  static func run(datasetsDirectory: URL) -> [(name: String, value: String)] {
    let options = DatasetOptions("mnist")
    var dataset: Dataset?
    let loadTimes = (0..<3).map { _ in
      seconds { dataset = try? DatasetLoader.load(options, datasetsDirectory: datasetsDirectory) }
    }
    guard let mnist = dataset else { return [("datasets: MNIST load", "failed (datasets/mnist missing?)")] }
    let batchSize = 128
    let sampler = EpochSampler(count: mnist.train.count, batchSize: batchSize, seed: 0)
    var order: [Int] = []
    var batch = Batch()
    var checksum: Float = 0
    let epochTimes = (0..<3).map { epoch in
      seconds {
        sampler.permutation(epoch: epoch, into: &order)
        for number in 0..<sampler.batchesPerEpoch {
          mnist.train.fill(&batch, indices: order[sampler.range(ofBatch: number)])
          checksum += batch.inputs.storage[0]
        }
      }
    }
    let digitsTime = seconds {
      _ = try? DatasetLoader.load(DatasetOptions("digits"), datasetsDirectory: datasetsDirectory)
    }
    if checksum.isNaN { print("datasets: unexpected NaN input") }  // keeps the fills observable
    let perEpoch = median(epochTimes)
    let samplesPerSecond = Double(mnist.train.count) / perEpoch
    return [
      ("datasets: MNIST load 60k+10k from gzip (median of 3)", String(format: "%.3f s", median(loadTimes))),
      (
        "datasets: MNIST epoch fill, batch \(batchSize), \(mnist.train.count) samples",
        String(format: "%.1f ms/epoch (%.2fM samples/s)", perEpoch * 1000, samplesPerSecond / 1e6)
      ),
      ("datasets: digits CSV load (1797x64)", String(format: "%.1f ms", digitsTime * 1000)),
    ]
  }

  /// Wall-clock seconds taken by `body`.
  private static func seconds(_ body: () -> Void) -> Double {
    let start = ContinuousClock.now
    body()
    let elapsed = start.duration(to: .now)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  private static func median(_ values: [Double]) -> Double {
    values.sorted()[values.count / 2]
  }
}
