import Foundation
import NN
import Tensor

/// Times the training step of an MLP against the time of its GEMMs alone.
///
/// For MLP 784-256-128-10 (ReLU, softmax cross-entropy, Adam) at a batch size:
/// the full step (forward, loss, backward, Adam update) on random data, and the
/// same sgemm calls alone (forward b + x·Wᵀ with β = 1, weight gradient gᵀ·x, input gradient
/// g·W, skipping the first layer's input gradient as the step does).
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

  /// Measures batch size `batch`: step and GEMM-only rounds alternate (this VM's speed drifts),
  /// and each figure is the median over `rounds` rounds of about `seconds`/`rounds` each.
  static func run(batch: Int, seconds: Double = 2.0, rounds: Int = 9) -> Row {
    let (step, gemm) = alternate(stepBody(batch: batch), gemmBody(batch: batch), seconds: seconds, rounds: rounds)
    return Row(batch: batch, stepSeconds: step, gemmSeconds: gemm, flopsPerStep: flops(batch: batch))
  }

  /// Seconds per step's GEMMs with a pool of inputs and with one cache-hot input, alternating rounds.
  static func gemmPoolEffect(batch: Int, seconds: Double = 1.0, rounds: Int = 9) -> (pooled: Double, hot: Double) {
    alternate(gemmBody(batch: batch), gemmBody(batch: batch, pooled: false), seconds: seconds, rounds: rounds)
  }

  /// Median seconds per call of `a` and of `b`, timed in alternating rounds (about `seconds` in all).
  static func alternate(
    _ a: () -> Void, _ b: () -> Void, seconds: Double, rounds: Int
  ) -> (Double, Double) {
    let perRoundA = calibrate(seconds: seconds / Double(2 * rounds), a)
    let perRoundB = calibrate(seconds: seconds / Double(2 * rounds), b)
    var timesA: [Double] = []
    var timesB: [Double] = []
    for _ in 0..<rounds {
      timesA.append(secondsPerCall(perRoundA, a))
      timesB.append(secondsPerCall(perRoundB, b))
    }
    return (median(timesA), median(timesB))
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

  /// One full training step per call (forward, loss, backward, Adam) on a cycled pool of batches.
  static func stepBody(batch: Int) -> () -> Void {
    let rig = StepRig(batch: batch)
    return { rig.step() }
  }

  /// Milliseconds per step spent in forward, loss, backward and the optimizer (means over `steps`).
  static func phases(batch: Int, steps: Int = 400) -> [(name: String, milliseconds: Double)] {
    let rig = StepRig(batch: batch)
    var totals = [UInt64](repeating: 0, count: 4)
    for step in 0..<(steps + 20) {
      var last = DispatchTime.now().uptimeNanoseconds
      rig.step { phase in
        let now = DispatchTime.now().uptimeNanoseconds
        if step >= 20 { totals[phase] += now - last }  // after a warm-up
        last = now
      }
    }
    return zip(["forward", "loss", "backward", "optimizer"], totals).map { ($0, Double($1) / Double(steps) / 1e6) }
  }

  /// Batches in a pool of about 16 MB (at least 4): cycled, so each step's input is not in cache,
  /// as in real training, rather than the same batch over and over.
  static func poolSize(batch: Int) -> Int { max(4, (16 << 20) / (batch * sizes[0] * 4)) }

  /// `count` tensors of `shape` with uniform random values in [0, 1).
  static func randomTensors(_ count: Int, _ shape: [Int], rng: inout SeededGenerator) -> [Tensor] {
    (0..<count).map { _ in
      Tensor(shape: shape, storage: (0..<shape.reduce(1, *)).map { _ in rng.nextUniform() })
    }
  }

  /// The bare step's state: the MLP, Adam, the loss and a pool of random batches with fixed labels.
  final class StepRig {
    var rng: SeededGenerator
    let model: Sequential
    let optimizer = makeOptimizer(.adam, settings: OptimizerSettings())
    let loss = LossKind.crossEntropy.makeLoss(labelSmoothing: 0)
    let pool: [Tensor]
    let labels: [Int32]
    var gradient = Tensor(shape: [0, 0])
    var next = 0

    init(batch: Int) {
      var rng = SeededGenerator(seed: 1)
      model = Sequential(spec: ModelSpec(sizes: sizes), rng: &rng)
      pool = randomTensors(poolSize(batch: batch), [batch, sizes[0]], rng: &rng)
      labels = (0..<batch).map { _ in Int32(rng.nextInt(below: 10)) }
      self.rng = rng
    }

    /// One step on the next pooled batch; `phaseEnded(i)` follows forward, loss, backward and the update.
    func step(_ phaseEnded: (Int) -> Void = { _ in }) {
      let inputs = pool[next]
      next = (next + 1) % pool.count
      let output = model.forward(inputs, mode: .training, rng: &rng)
      phaseEnded(0)
      _ = loss.evaluate(output, .classes(labels), gradient: &gradient)
      phaseEnded(1)
      model.backward(lossGradient: gradient)
      phaseEnded(2)
      optimizer.step(model.parameters)
      phaseEnded(3)
    }
  }

  /// One step's worth of sgemm calls alone per call.
  static func gemmBody(batch: Int, pooled: Bool = true) -> () -> Void {
    let calls = gemmCalls(batch: batch, pooled: pooled)
    return {
      for index in calls.indices { calls[index].run() }
    }
  }

  /// Milliseconds per step of each sgemm call alone, in the step's order (means over `steps`).
  static func gemmShapes(batch: Int, steps: Int = 400) -> [(name: String, milliseconds: Double)] {
    let calls = gemmCalls(batch: batch)
    var totals = [UInt64](repeating: 0, count: calls.count)
    for step in 0..<(steps + 20) {
      for index in calls.indices {
        let start = DispatchTime.now().uptimeNanoseconds
        calls[index].run()
        if step >= 20 { totals[index] += DispatchTime.now().uptimeNanoseconds - start }
      }
    }
    return zip(calls, totals).map { ($0.name, Double($1) / Double(steps) / 1e6) }
  }

  /// One sgemm call of the step, with its operands.
  struct GemmCall {
    /// E.g. `fwd 128×784·(256×784)ᵀ`.
    var name: String
    /// Runs the call once.
    var run: () -> Void
  }

  /// The step's sgemm calls in its order: forward layer by layer (β = 1 onto the bias), then
  /// backward from the last layer, weight gradient then input gradient (none for the first layer).
  /// The first layer's input cycles through a pool of the step benchmark's size, as in the step
  /// (or, with `pooled` false, stays one cache-hot batch).
  static func gemmCalls(batch: Int, pooled: Bool = true) -> [GemmCall] {
    var rng = SeededGenerator(seed: 2)
    func random(_ shape: [Int]) -> Tensor { randomTensors(1, shape, rng: &rng)[0] }
    final class Buffers {
      var pool: [Tensor] = []
      var next = 0
      var x: [Tensor] = [], w: [Tensor] = [], g: [Tensor] = [], y: [Tensor] = [], dw: [Tensor] = [], dx: [Tensor] = []
      var input: Tensor { pool[next] }
    }
    let b = Buffers()
    let layerCount = sizes.count - 1
    let poolSize = pooled ? poolSize(batch: batch) : 1
    b.pool = randomTensors(poolSize, [batch, sizes[0]], rng: &rng)
    for i in 0..<layerCount {
      b.x.append(random([batch, sizes[i]]))
      b.w.append(random([sizes[i + 1], sizes[i]]))
      b.g.append(random([batch, sizes[i + 1]]))
      b.y.append(Tensor(shape: [batch, sizes[i + 1]]))
      b.dw.append(Tensor(shape: [0, 0]))
      b.dx.append(Tensor(shape: [0, 0]))
    }
    var calls: [GemmCall] = []
    for i in 0..<layerCount {
      calls.append(
        GemmCall(name: "fwd \(batch)×\(sizes[i])·(\(sizes[i + 1])×\(sizes[i]))ᵀ") {
          if i == 0 { b.next = (b.next + 1) % poolSize }
          Tensor.gemm(i == 0 ? b.input : b.x[i], b.w[i], transposeB: true, into: &b.y[i], beta: 1)
        })
    }
    for i in stride(from: layerCount - 1, through: 0, by: -1) {
      calls.append(
        GemmCall(name: "dW  (\(batch)×\(sizes[i + 1]))ᵀ·\(batch)×\(sizes[i])") {
          Tensor.gemm(b.g[i], transposeA: true, i == 0 ? b.input : b.x[i], into: &b.dw[i])
        })
      if i > 0 {
        calls.append(
          GemmCall(name: "dx  \(batch)×\(sizes[i + 1])·\(sizes[i + 1])×\(sizes[i])") {
            Tensor.gemm(b.g[i], b.w[i], into: &b.dx[i])
          })
      }
    }
    return calls
  }

  /// Seconds for one 1024³ sgemm (median).
  static func largeGemmGFLOPS(seconds: Double) -> Double {
    var rng = SeededGenerator(seed: 3)
    let n = 1024
    let (a, b) = (randomTensors(1, [n, n], rng: &rng)[0], randomTensors(1, [n, n], rng: &rng)[0])
    var c = Tensor(shape: [n, n])
    let t = medianSeconds(seconds: seconds) { Tensor.gemm(a, b, into: &c) }
    return 2 * Double(n * n * n) / t / 1e9
  }
}

/// Warms `body` up, then returns how many calls take about `seconds`.
func calibrate(seconds: Double, _ body: () -> Void) -> Int {
  for _ in 0..<3 { body() }
  let start = DispatchTime.now().uptimeNanoseconds
  var calls = 0
  while Double(DispatchTime.now().uptimeNanoseconds - start) < seconds * 1e9 {
    body()
    calls += 1
  }
  return max(1, calls)
}

/// Seconds per call of `calls` back-to-back calls of `body`.
func secondsPerCall(_ calls: Int, _ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  for _ in 0..<calls { body() }
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(calls)
}

/// The median of `values` (the upper one of an even count).
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// Median seconds per call of `body` over 5 rounds of about `seconds`/5 each (after a warm-up).
func medianSeconds(seconds: Double, _ body: () -> Void) -> Double {
  let perRound = calibrate(seconds: seconds / 5, body)
  return median((0..<5).map { _ in secondsPerCall(perRound, body) })
}

extension StepBenchmark {
  /// Milliseconds per update of the MLP's parameters (random gradients) for every optimizer kind.
  static func optimizerUpdates(seconds: Double = 0.3) -> [(kind: OptimizerKind, milliseconds: Double)] {
    var rng = SeededGenerator(seed: 4)
    let model = Sequential(spec: ModelSpec(sizes: sizes), rng: &rng)
    for parameter in model.parameters {
      parameter.gradient.apply { _ in rng.nextUniform() - 0.5 }
    }
    return OptimizerKind.allCases.map { kind in
      let optimizer = makeOptimizer(kind, settings: OptimizerSettings())
      return (kind, medianSeconds(seconds: seconds) { optimizer.step(model.parameters) } * 1e3)
    }
  }
}
