import Foundation
import NN
import Tensor
import Testing

/// A labelled set of 2-D points for a two-class problem.
private struct Problem {
  /// The points, `[n, 2]`.
  let inputs: Tensor
  /// Class 0 or 1 for each point.
  let labels: [Int32]

  /// The number of points.
  var count: Int { labels.count }

  /// Noisy XOR: `perCorner` points around each corner (±1, ±1) (σ = 0.15), class 1 where x·y < 0.
  static func xor(perCorner: Int, seed: UInt64) -> Problem {
    var rng = SeededGenerator(seed: seed)
    var points: [Float] = []
    var labels: [Int32] = []
    for (x, y) in [(Float(-1), Float(-1)), (-1, 1), (1, -1), (1, 1)] {
      for _ in 0..<perCorner {
        points += [x + 0.15 * rng.nextNormal(), y + 0.15 * rng.nextNormal()]
        labels.append(x * y < 0 ? 1 : 0)
      }
    }
    return Problem(inputs: Tensor(shape: [labels.count, 2], storage: points), labels: labels)
  }

  /// Two interleaved spirals of `perClass` points: radius `t`, angle `turns·2π·t` for `t` in [0.1, 1),
  /// scaled by 2; the second spiral is the first rotated by π; tiny noise (σ = 0.01).
  static func spirals(perClass: Int, turns: Double, seed: UInt64) -> Problem {
    var rng = SeededGenerator(seed: seed)
    var points: [Float] = []
    var labels: [Int32] = []
    for label in 0..<2 {
      for i in 0..<perClass {
        let t = 0.1 + 0.9 * Double(i) / Double(perClass)
        let angle = turns * 2 * Double.pi * t + Double(label) * Double.pi
        points.append(Float(2 * t * cos(angle)) + 0.01 * rng.nextNormal())
        points.append(Float(2 * t * sin(angle)) + 0.01 * rng.nextNormal())
        labels.append(Int32(label))
      }
    }
    return Problem(inputs: Tensor(shape: [labels.count, 2], storage: points), labels: labels)
  }

  /// The points at `indices` and their labels.
  func rows(_ indices: ArraySlice<Int>) -> (inputs: Tensor, labels: [Int32]) {
    var values: [Float] = []
    values.reserveCapacity(2 * indices.count)
    for i in indices { values += [inputs.storage[2 * i], inputs.storage[2 * i + 1]] }
    return (Tensor(shape: [indices.count, 2], storage: values), indices.map { labels[$0] })
  }
}

/// How to train: architecture, optimizer, rate, batch size and length.
private struct Recipe {
  /// Hidden layer widths.
  var hidden: [Int]
  /// The hidden activation.
  var activation: ActivationKind
  /// The optimizer.
  var kind: OptimizerKind
  /// Its learning rate.
  var learningRate: Double
  /// Points per step (the whole set: batch gradient descent; 1: stochastic).
  var batchSize: Int
  /// The number of updates.
  var steps: Int
  /// Seeds the weights and the shuffling.
  var seed: UInt64 = 3
}

/// Loss and accuracy on the whole training set after training.
private struct Outcome {
  /// Mean softmax cross-entropy.
  let loss: Double
  /// The fraction of points whose arg-max class is right.
  let accuracy: Double
}

/// Trains a fresh model on `problem` with `recipe`, then measures it on the whole set.
private func train(_ problem: Problem, _ recipe: Recipe) -> Outcome {
  var rng = SeededGenerator(seed: recipe.seed)
  let sizes = [2] + recipe.hidden + [2]
  var layers: [any Layer] = []
  for (index, (inputs, outputs)) in zip(sizes, sizes.dropFirst()).enumerated() {
    let initializer = Initializer.defaultFor(recipe.activation)
    layers.append(Dense(inputs: inputs, outputs: outputs, initializer: initializer, rng: &rng))
    if index < sizes.count - 2 { layers.append(recipe.activation.makeLayer()) }
  }
  let model = Sequential(layers: layers, inputShape: [2])
  var settings = OptimizerSettings()
  settings.learningRate = recipe.learningRate
  let optimizer = makeOptimizer(recipe.kind, settings: settings)
  let loss = SoftmaxCrossEntropy()
  var gradient = Tensor(shape: [0])
  var order = Array(0..<problem.count)
  var position = problem.count
  for _ in 0..<recipe.steps {
    if position + recipe.batchSize > problem.count {
      if recipe.batchSize < problem.count { order.shuffle(using: &rng) }
      position = 0
    }
    let batch = problem.rows(order[position..<(position + recipe.batchSize)])
    position += recipe.batchSize
    let output = model.forward(batch.inputs, mode: .training, rng: &rng)
    _ = loss.evaluate(output, .classes(batch.labels), gradient: &gradient)
    model.backward(lossGradient: gradient)
    optimizer.step(model.parameters)
  }
  return evaluate(model, on: problem, rng: &rng)
}

/// Loss and accuracy of `model` on every point of `problem`.
private func evaluate(_ model: Sequential, on problem: Problem, rng: inout SeededGenerator) -> Outcome {
  let output = model.forward(problem.inputs, mode: .evaluation, rng: &rng)
  var gradient = Tensor(shape: [0])
  let lossValue = SoftmaxCrossEntropy().evaluate(output, .classes(problem.labels), gradient: &gradient)
  var predictions: [Int32] = []
  output.argmaxRows(into: &predictions)
  let correct = zip(predictions, problem.labels).filter { $0 == $1 }.count
  return Outcome(loss: lossValue, accuracy: Double(correct) / Double(problem.count))
}

/// The two toy problems, with the architecture and step budget each is trained with.
enum ToyProblem: String, CaseIterable, Sendable {
  /// Noisy XOR, 4 × 25 points; 2-8-2 with tanh.
  case xor
  /// Two spirals, 2 × 50 points, 1.5 turns each; 2-32-32-2 with ReLU.
  case spirals

  /// The data (fixed seeds).
  fileprivate var data: Problem {
    switch self {
    case .xor: Problem.xor(perCorner: 25, seed: 7)
    case .spirals: Problem.spirals(perClass: 50, turns: 1.5, seed: 11)
    }
  }

  /// A recipe for `kind` at `learningRate`: full-batch steps unless `batchSize` and `steps` say otherwise.
  fileprivate func recipe(
    _ kind: OptimizerKind, learningRate: Double, batchSize: Int? = nil, steps: Int? = nil
  ) -> Recipe {
    switch self {
    case .xor:
      Recipe(
        hidden: [8], activation: .tanh, kind: kind, learningRate: learningRate,
        batchSize: batchSize ?? 100, steps: steps ?? 100)
    case .spirals:
      Recipe(
        hidden: [32, 32], activation: .relu, kind: kind, learningRate: learningRate,
        batchSize: batchSize ?? 100, steps: steps ?? 300)
    }
  }

  /// The mean loss every trained run must end below (the untrained loss is about ln 2 ≈ 0.69).
  var lossBound: Double { self == .xor ? 0.1 : 0.05 }
}

/// How many points each SGD step sees.
enum BatchMode: String, CaseIterable, Sendable {
  /// Batch gradient descent: the whole set every step.
  case fullBatch
  /// Mini-batches of 16, reshuffled every epoch (the last partial batch is dropped).
  case miniBatch
  /// Stochastic gradient descent: one point per step.
  case stochastic

  /// Points per step.
  var batchSize: Int {
    switch self {
    case .fullBatch: 100
    case .miniBatch: 16
    case .stochastic: 1
    }
  }

  /// The SGD learning rate and step count for `problem` (smaller batches: noisier steps, a smaller rate).
  func schedule(for problem: ToyProblem) -> (learningRate: Double, steps: Int) {
    switch (problem, self) {
    case (.xor, .fullBatch): (0.5, 100)
    case (.xor, .miniBatch): (0.5, 100)
    case (.xor, .stochastic): (0.1, 400)
    case (.spirals, .fullBatch): (1.0, 300)
    case (.spirals, .miniBatch): (0.3, 600)
    case (.spirals, .stochastic): (0.05, 4000)
    }
  }
}

/// Every optimizer, and plain SGD at every batch size, learns XOR and two spirals to ≥ 99 % training accuracy.
@Suite struct ConvergenceTests {
  /// A rate at which `kind` converges reliably on both problems (tuned once over seeds 1–5, 5/5 at 100 %).
  static func learningRate(_ kind: OptimizerKind) -> Double {
    switch kind {
    case .sgd: 1.0
    case .momentum, .nesterov, .adagrad: 0.1
    case .rmsprop, .adam, .adamw: 0.01
    }
  }

  @Test(arguments: OptimizerKind.allCases, ToyProblem.allCases)
  func everyOptimizerLearns(kind: OptimizerKind, problem: ToyProblem) {
    let outcome = train(problem.data, problem.recipe(kind, learningRate: Self.learningRate(kind)))
    #expect(outcome.accuracy >= 0.99, "\(kind) on \(problem): accuracy \(outcome.accuracy)")
    #expect(outcome.loss < problem.lossBound, "\(kind) on \(problem): loss \(outcome.loss)")
  }

  @Test(arguments: BatchMode.allCases, ToyProblem.allCases)
  func sgdLearnsAtEveryBatchSize(mode: BatchMode, problem: ToyProblem) {
    let (rate, steps) = mode.schedule(for: problem)
    let outcome = train(
      problem.data, problem.recipe(.sgd, learningRate: rate, batchSize: mode.batchSize, steps: steps))
    #expect(outcome.accuracy >= 0.99, "\(mode) on \(problem): accuracy \(outcome.accuracy)")
    #expect(outcome.loss < problem.lossBound, "\(mode) on \(problem): loss \(outcome.loss)")
  }

  @Test(arguments: ToyProblem.allCases)
  func untrainedModelsDoNotPass(problem: ToyProblem) {
    // Zero steps: the bars above are not met by the initial weights, so passing them means learning.
    let outcome = train(problem.data, problem.recipe(.sgd, learningRate: 1, steps: 0))
    #expect(outcome.accuracy < 0.9, "untrained accuracy \(outcome.accuracy)")
    #expect(outcome.loss > 0.3, "untrained loss \(outcome.loss)")
  }

  @Test func problemsAreBalancedAndDeterministic() {
    let xor = ToyProblem.xor.data
    let spirals = ToyProblem.spirals.data
    #expect(xor.count == 100 && spirals.count == 100)
    #expect(xor.labels.filter { $0 == 1 }.count == 50)
    #expect(spirals.labels.filter { $0 == 1 }.count == 50)
    #expect(ToyProblem.spirals.data.inputs == spirals.inputs)
    // XOR: every point stays in its corner's quadrant, so the labels are exact (x·y < 0 ⇔ class 1).
    for i in 0..<xor.count {
      let product = xor.inputs.storage[2 * i] * xor.inputs.storage[2 * i + 1]
      #expect((product < 0) == (xor.labels[i] == 1))
    }
    // Spirals: the second spiral is the first rotated by π (up to the noise, σ = 0.01).
    for i in 0..<50 {
      let first = (spirals.inputs.storage[2 * i], spirals.inputs.storage[2 * i + 1])
      let second = (spirals.inputs.storage[2 * (50 + i)], spirals.inputs.storage[2 * (50 + i) + 1])
      #expect(abs(first.0 + second.0) < 0.1 && abs(first.1 + second.1) < 0.1)
    }
  }
}
