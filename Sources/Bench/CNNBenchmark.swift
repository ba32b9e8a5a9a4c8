import Datasets
import Foundation
import NN
import Tensor
import Training

/// The peer CNN of issue 11 (`cnn-small`) on real MNIST batches: the bare step (forward, loss, backward,
/// Adam) and each layer's forward and backward time, comparable with `bench/pytorch_cnn.py`.
enum CNNBenchmark {
  /// The PyTorch peer, as `NamedModel.cnnSmall` writes it for MNIST.
  static let layers = "conv16k3p1-relu-maxpool2-conv32k3p1-relu-maxpool2-flatten-dense10"

  /// The step's state: the model, Adam, the loss and the batches it cycles through.
  final class Rig {
    var rng = SeededGenerator(seed: 1)
    let model: Sequential
    let optimizer = makeOptimizer(.adam, settings: OptimizerSettings())
    let loss = LossKind.crossEntropy.makeLoss(labelSmoothing: 0)
    var batches: [Batch] = []
    var gradient = Tensor(shape: [0, 0])
    var next = 0

    /// The peer on `count` consecutive MNIST training batches of `batch` images (filled once, before
    /// timing); `asWritten` builds the layers in the written order (ReLU before pooling) for comparison.
    init(mnist: Dataset, batch: Int, count: Int = 40, asWritten: Bool = false) throws {
      var spec = try ModelSpec(parsing: CNNBenchmark.layers)
      spec.inputShape = [1, 28, 28]
      model = Sequential(spec: spec, rng: &rng, reordered: !asWritten)
      for start in stride(from: 0, to: batch * count, by: batch) {
        var filled = Batch()
        mnist.train.fill(&filled, indices: Array(start..<(start + batch))[...])
        batches.append(filled)
      }
    }

    /// One training step on the next batch.
    func step() {
      let batch = batches[next]
      next = (next + 1) % batches.count
      let output = model.forward(batch.inputs, mode: .training, rng: &rng)
      _ = loss.evaluate(output, .classes(batch.labels), gradient: &gradient)
      model.backward(lossGradient: gradient)
      optimizer.step(model.parameters)
    }

    /// Milliseconds per step of each layer's forward and backward (means over `steps`, after a warm-up),
    /// driving the layers one by one as `Sequential` does.
    func layerTimes(steps: Int = 100) -> [(name: String, forward: Double, backward: Double)] {
      let layers = model.layers
      var outputs = [Tensor](repeating: Tensor(shape: [0]), count: layers.count)
      var gradients = [Tensor](repeating: Tensor(shape: [0]), count: layers.count)
      var forward = [UInt64](repeating: 0, count: layers.count)
      var backward = [UInt64](repeating: 0, count: layers.count)
      for round in 0..<(steps + 10) {
        let batch = batches[round % batches.count]
        for i in layers.indices {
          let start = DispatchTime.now().uptimeNanoseconds
          layers[i].forward(i == 0 ? batch.inputs : outputs[i - 1], into: &outputs[i], mode: .training, rng: &rng)
          if round >= 10 { forward[i] += DispatchTime.now().uptimeNanoseconds - start }
        }
        _ = loss.evaluate(outputs[layers.count - 1], .classes(batch.labels), gradient: &gradient)
        for i in layers.indices.reversed() {
          let start = DispatchTime.now().uptimeNanoseconds
          layers[i].backward(
            input: i == 0 ? batch.inputs : outputs[i - 1], output: outputs[i],
            gradOutput: i == layers.count - 1 ? gradient : gradients[i + 1], gradInput: &gradients[i],
            computeInputGradient: i > 0)
          if round >= 10 { backward[i] += DispatchTime.now().uptimeNanoseconds - start }
        }
      }
      return layers.indices.map { i in
        (layers[i].summary, Double(forward[i]) / Double(steps) / 1e6, Double(backward[i]) / Double(steps) / 1e6)
      }
    }
  }

  /// Prints the CNN rows of `make bench`.
  static func report(mnist: Dataset) throws {
    print("")
    print("Convnet step: cnn-small (\(layers)), batch 128, real MNIST, Adam (medians of 5 rounds).")
    print("Compare: python3 bench/pytorch_cnn.py (the same network and batches in PyTorch, same threads).")
    var perThread: [Int: Double] = [:]
    for threads in [1, 2] {
      ComputeEngine.setThreads(threads)
      let rig = try Rig(mnist: mnist, batch: 128)
      let seconds = medianSeconds(seconds: 3) { rig.step() }
      perThread[threads] = 128 / seconds
      print(String(format: "  %d thread(s): %.2f ms per step, %.0f samples/s", threads, seconds * 1e3, 128 / seconds))
      let parts = rig.layerTimes().map { String(format: "%@ %.2f/%.2f", $0.name, $0.forward, $0.backward) }
      print("    per layer, forward/backward ms: " + parts.joined(separator: " · "))
    }
    if let one = perThread[1], let two = perThread[2] {
      print(String(format: "  2 threads / 1 thread: ×%.2f", two / one))
    }
    // The layers as written (ReLU, then pooling) against the order they run in, alternating rounds.
    ComputeEngine.setThreads(1)
    let written = try Rig(mnist: mnist, batch: 128, asWritten: true)
    let running = try Rig(mnist: mnist, batch: 128)
    var times: [(written: Double, running: Double)] = []
    for _ in 0..<3 {
      times.append((medianSeconds(seconds: 1) { written.step() }, medianSeconds(seconds: 1) { running.step() }))
    }
    let w = median(times.map(\.written))
    let r = median(times.map(\.running))
    print(
      String(
        format: "  1 thread, ReLU before pooling as written %.0f samples/s, run after it %.0f (×%.2f)",
        128 / w, 128 / r, w / r))
    try reportDeadUnitCost(mnist: mnist)
    ComputeEngine.setThreads(1)
  }

  /// The health monitor's per-step cost on a convnet: ReLU layers marking their active channels
  /// (the trainer turns this on unless `--alert-dead-fraction 0`) against not, alternating rounds.
  static func reportDeadUnitCost(mnist: Dataset) throws {
    ComputeEngine.setThreads(1)
    let tracking = try Rig(mnist: mnist, batch: 128)
    tracking.model.trackActivity(true)
    let plain = try Rig(mnist: mnist, batch: 128)
    var times: [(tracking: Double, plain: Double)] = []
    for _ in 0..<3 {
      times.append((medianSeconds(seconds: 1) { tracking.step() }, medianSeconds(seconds: 1) { plain.step() }))
    }
    let t = median(times.map(\.tracking))
    let p = median(times.map(\.plain))
    print(
      String(
        format: "  1 thread, dead-unit tracking on %.0f samples/s, off %.0f (on/off ×%.3f)", 128 / t, 128 / p,
        p / t))
    // The same cost without the step's noise: ReLU's forward on conv1's pooled output, tracking or not.
    let block = ComputeEngine.channelBlock(for: 16)
    let watching = ReLU(units: 16, spatialSize: 14 * 14, block: block)
    watching.tracksActivity = true
    let bare = ReLU(units: 16, spatialSize: 14 * 14, block: block)
    var rng = SeededGenerator(seed: 2)
    var input = Tensor(shape: [128, 16 * 14 * 14])
    for i in input.storage.indices { input.storage[i] = Float(rng.nextNormal()) }
    var output = Tensor(shape: [0])
    var pairs: [(watching: Double, bare: Double)] = []
    for _ in 0..<3 {
      pairs.append(
        (
          medianSeconds(seconds: 0.5) { watching.forward(input, into: &output, mode: .training, rng: &rng) },
          medianSeconds(seconds: 0.5) { bare.forward(input, into: &output, mode: .training, rng: &rng) }
        ))
    }
    print(
      String(
        format: "  ReLU forward on [128, 16, 14, 14]: tracking %.3f ms, plain %.3f ms (%.3f ms = %.2f%% of the step)",
        median(pairs.map(\.watching)) * 1e3, median(pairs.map(\.bare)) * 1e3,
        (median(pairs.map(\.watching)) - median(pairs.map(\.bare))) * 1e3,
        100 * (median(pairs.map(\.watching)) - median(pairs.map(\.bare))) / p))
  }
}
