import Foundation
import NN
import Tensor

/// Times the training step of an MLP against the time of its GEMMs alone.
///
/// For MLP 784-256-128-10 (ReLU, softmax cross-entropy, Adam) at a batch size:
/// the full step (forward, loss, backward, Adam update) on random data, and the
/// same sgemm calls alone (forward x·Wᵀ, weight gradient gᵀ·x, input gradient g·W,
/// skipping the first layer's input gradient as the step does).
enum StepBenchmark {
  /// One row of the table.
  struct Row {
    var batch: Int
    var stepSeconds: Double
    var gemmSeconds: Double
    var flopsPerStep: Double

    var samplesPerSecond: Double { Double(batch) / stepSeconds }
    var stepGFLOPS: Double { flopsPerStep / stepSeconds / 1e9 }
    var gemmGFLOPS: Double { flopsPerStep / gemmSeconds / 1e9 }
    var ratio: Double { stepSeconds / gemmSeconds }
  }

  static let sizes = [784, 256, 128, 10]

  /// Measures batch size `batch` for at least `seconds` each (median of 5 timed rounds).
  static func run(batch: Int, seconds: Double = 1.0) -> Row {
    let step = timeStep(batch: batch, seconds: seconds)
    let gemm = timeGemms(batch: batch, seconds: seconds)
    return Row(batch: batch, stepSeconds: step, gemmSeconds: gemm, flopsPerStep: flops(batch: batch))
  }

  /// GEMM FLOPs per step: forward and weight gradient for every layer, input gradient for all but the first.
  static func flops(batch: Int) -> Double {
    var total = 0.0
    for i in 0..<(sizes.count - 1) {
      let layer = 2.0 * Double(batch * sizes[i] * sizes[i + 1])
      total += layer * (i == 0 ? 2 : 3)
    }
    return total
  }

  /// Seconds per full training step.
  static func timeStep(batch: Int, seconds: Double) -> Double {
    var rng = SeededGenerator(seed: 1)
    let spec = ModelSpec(sizes: sizes)
    let model = Sequential(spec: spec, rng: &rng)
    let optimizer = makeOptimizer(.adam, settings: OptimizerSettings())
    let loss = LossKind.crossEntropy.makeLoss(labelSmoothing: 0)
    // A pool of batches (16 MB at batch 128), cycled: each step sees a batch that is not in cache,
    // as in real training, rather than the same one over and over.
    let poolSize = max(4, (16 << 20) / (batch * sizes[0] * 4))
    let pool = (0..<poolSize).map { _ in
      Tensor(shape: [batch, sizes[0]], storage: (0..<(batch * sizes[0])).map { _ in rng.nextUniform() })
    }
    let labels = (0..<batch).map { _ in Int32(rng.nextInt(below: 10)) }
    var gradient = Tensor(shape: [0, 0])
    var next = 0
    return medianSeconds(seconds: seconds) {
      let inputs = pool[next]
      next = (next + 1) % poolSize
      let output = model.forward(inputs, mode: .training, rng: &rng)
      _ = loss.evaluate(output, .classes(labels), gradient: &gradient)
      model.backward(lossGradient: gradient)
      optimizer.step(model.parameters)
    }
  }

  /// Seconds per step's worth of sgemm calls alone.
  static func timeGemms(batch: Int, seconds: Double) -> Double {
    var rng = SeededGenerator(seed: 2)
    func random(_ shape: [Int]) -> Tensor {
      Tensor(shape: shape, storage: (0..<shape.reduce(1, *)).map { _ in rng.nextUniform() })
    }
    let layers = (0..<(sizes.count - 1)).map { i in
      (x: random([batch, sizes[i]]), w: random([sizes[i + 1], sizes[i]]), g: random([batch, sizes[i + 1]]))
    }
    var y = layers.map { _ in Tensor(shape: [0, 0]) }
    var dw = y, dx = y
    return medianSeconds(seconds: seconds) {
      for (i, l) in layers.enumerated() {
        Tensor.gemm(l.x, l.w, transposeB: true, into: &y[i])
        Tensor.gemm(l.g, transposeA: true, l.x, into: &dw[i])
        if i > 0 { Tensor.gemm(l.g, l.w, into: &dx[i]) }
      }
    }
  }

  /// Seconds for one 1024³ sgemm (median).
  static func largeGemmGFLOPS(seconds: Double) -> Double {
    var rng = SeededGenerator(seed: 3)
    let n = 1024
    let a = Tensor(shape: [n, n], storage: (0..<(n * n)).map { _ in rng.nextUniform() })
    let b = Tensor(shape: [n, n], storage: (0..<(n * n)).map { _ in rng.nextUniform() })
    var c = Tensor(shape: [n, n])
    let t = medianSeconds(seconds: seconds) { Tensor.gemm(a, b, into: &c) }
    return 2 * Double(n * n * n) / t / 1e9
  }
}

/// Runs `body` repeatedly: a warm-up, then 5 rounds of about `seconds`/5 each; the median seconds per call.
func medianSeconds(seconds: Double, _ body: () -> Void) -> Double {
  for _ in 0..<3 { body() }
  let start = DispatchTime.now().uptimeNanoseconds
  var calibration = 0
  while Double(DispatchTime.now().uptimeNanoseconds - start) < seconds * 1e8 {
    body()
    calibration += 1
  }
  let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  let perRound = max(1, Int(Double(calibration) * (seconds / 5) / elapsed))
  var rounds: [Double] = []
  for _ in 0..<5 {
    let t0 = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<perRound { body() }
    rounds.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 / Double(perRound))
  }
  return rounds.sorted()[2]
}
