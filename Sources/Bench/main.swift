import Datasets
import Foundation
import Tensor
import Training

// `make bench`: prints the benchmark table. Not a test: figures vary with the machine.

/// The shipped datasets folder, found from this source file.
let datasets = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("datasets")

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }

// `traintop-bench engine`: the engine rows only.
if CommandLine.arguments.dropFirst().first == "engine" {
  ComputeEngine.setThreads(1)
  do {
    EngineBenchmark.report(mnist: try DatasetLoader.load(DatasetOptions("mnist"), datasetsDirectory: datasets))
  } catch {
    print("Engine benchmark failed: \(error)")
  }
  exit(0)
}

// `traintop-bench cnn`: the convnet rows only.
if CommandLine.arguments.dropFirst().first == "cnn" {
  do {
    try CNNBenchmark.report(mnist: DatasetLoader.load(DatasetOptions("mnist"), datasetsDirectory: datasets))
  } catch {
    print("Convnet benchmark failed: \(error)")
  }
  exit(0)
}

print("traintop benchmark · \(ComputeEngine.summary) · \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("")
print("Training step: MLP 784-256-128-10, ReLU, softmax cross-entropy, Adam; random data.")
print(
  "GEMM = the same sgemm calls alone, in the step's order (forward onto the bias, weight grads, input "
    + "grads but the first layer's);"
)
print("both cycle inputs through a 16 MB pool of batches, and step and GEMM rounds alternate (medians of 9).")
print(
  [
    pad("threads", 7), pad("batch", 6), pad("step ms", 9), pad("samples/s", 10), pad("step GF/s", 10),
    pad("GEMM ms", 9), pad("GEMM GF/s", 10), pad("step/GEMM", 10),
  ].joined(separator: " "))
var bareStep128 = 0.0
// `traintop-bench step [threads]`: the step table and phases only, for profiling.
let arguments = Array(CommandLine.arguments.dropFirst())
let stepOnly = arguments.first == "step"
let threadCounts = stepOnly && arguments.count > 1 ? [Int(arguments[1]) ?? 1] : [1, 2]
for threads in threadCounts {
  ComputeEngine.setThreads(threads)
  for batch in [32, 128, 512] {
    let row = StepBenchmark.run(batch: batch)
    if threads == 1 && batch == 128 { bareStep128 = row.samplesPerSecond }
    print(
      [
        pad("\(threads)", 7), pad("\(batch)", 6), pad(String(format: "%.3f", row.stepSeconds * 1e3), 9),
        pad(String(format: "%.0f", row.samplesPerSecond), 10), pad(String(format: "%.1f", row.stepGFLOPS), 10),
        pad(String(format: "%.3f", row.gemmSeconds * 1e3), 9), pad(String(format: "%.1f", row.gemmGFLOPS), 10),
        pad(String(format: "%.3f", row.ratio), 10),
      ].joined(separator: " "))
  }
}
for threads in threadCounts {
  ComputeEngine.setThreads(threads)
  let parts = StepBenchmark.phases(batch: 128).map { String(format: "%@ %.3f", $0.name, $0.milliseconds) }
  print("Step phases, batch 128, \(threads) thread(s), ms: " + parts.joined(separator: " · "))
  let shapes = StepBenchmark.gemmShapes(batch: 128).map { String(format: "%@ %.3f", $0.name, $0.milliseconds) }
  print("  its sgemm calls alone, ms: " + shapes.joined(separator: " · "))
  let effect = StepBenchmark.gemmPoolEffect(batch: 128)
  print(
    String(
      format: "  GEMM alone with the pool of inputs %.3f ms, with one cache-hot input %.3f ms (×%.3f)",
      effect.pooled * 1e3, effect.hot * 1e3, effect.pooled / effect.hot))
}
for threads in [1, 2] {
  ComputeEngine.setThreads(threads)
  print(String(format: "sgemm 1024³, %d thread(s): %.1f GFLOP/s", threads, StepBenchmark.largeGemmGFLOPS(seconds: 1)))
}

ComputeEngine.setThreads(1)
let updates = StepBenchmark.optimizerUpdates().map { String(format: "%@ %.3f", $0.kind.rawValue, $0.milliseconds) }
print("Optimizer update of the MLP's 235k parameters, ms: " + updates.joined(separator: " · "))
if stepOnly { exit(0) }

print("")
print("Data pipeline (MNIST from gzip):")
for (name, value) in DatasetsBenchmark.run(datasetsDirectory: datasets) {
  print("  \(name): \(value)")
}

ComputeEngine.setThreads(1)
print("")
do {
  // Engine and bare step measured alternately, three times each, medians compared (this VM is noisy).
  let mnist = try DatasetLoader.load(DatasetOptions("mnist"), datasetsDirectory: datasets)
  EngineBenchmark.report(mnist: mnist)
  try CNNBenchmark.report(mnist: mnist)
} catch {
  print("Engine benchmark skipped: \(error)")
}
