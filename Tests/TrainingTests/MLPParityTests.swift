import Foundation
import NN
import Tensor
import TestSupport
import Testing
import Training

@testable import Datasets

/// The fields of `Tests/Fixtures/oracles/mlp_parity/parity.json` these tests read (oracle README, section 5).
/// PyTorch 2.15, float32, one thread; names as in the file.
private struct ParityOracle: Decodable {
  struct Logits: Decodable {
    let shape: [Int]
    let data: [Double]
  }
  struct Model: Decodable {
    let initial_logits_first_2_images: Logits
  }
  struct Checks: Decodable {
    let index_range: [Int]
    let pixel_sum_uint8: Int
    let sha256_uint8_pixels: String
    let label_counts: [Int]
    let labels_first_16: [Int]
  }
  struct DataSection: Decodable {
    let batch_size: Int
    let checks_8_steps: Checks
    let checks_100_steps: Checks
  }
  struct OptimizerSection: Decodable {
    let name: String
    let lr: Double
    let betas: [Double]
    let eps: Double
    let weight_decay: Double
    let amsgrad: Bool
  }
  struct Extended: Decodable {
    let steps: Int
    let loss_per_step: [Double]
    let grad_global_l2_norm_per_step: [Double]
    let final_l2_norms: [String: Double]
  }
  let model: Model
  let data: DataSection
  let optimizer: OptimizerSection
  let steps: Int
  let loss_per_step: [Double]
  let grad_global_l2_norm_per_step: [Double]
  let final_l2_norms: [String: Double]
  let final_weights_file: String
  let extended_100_steps: Extended
}

/// The first training images and labels of MNIST in file order, read with the IDX reader (no loader, no shuffling).
struct MNISTPrefix: Sendable {
  /// Raw uint8 pixels, `count × 784`, row-major.
  let pixels: [UInt8]
  /// Class ids.
  let labels: [Int32]
  /// Values per image.
  static let width = 784

  /// Reads the first `count` samples of `datasets/mnist/train-*-idx*-ubyte.gz`.
  static func read(count: Int) throws -> MNISTPrefix {
    let folder = Fixtures.datasets.appendingPathComponent("mnist")
    let files = IDXReader.Files(
      trainImages: folder.appendingPathComponent("train-images-idx3-ubyte.gz"),
      trainLabels: folder.appendingPathComponent("train-labels-idx1-ubyte.gz"), testImages: nil, testLabels: nil)
    let raw = try IDXReader(files: files, name: "mnist").read()
    guard case .bytes(let bytes) = raw.train.features, raw.train.featureCount == width else {
      throw DatasetError(file: files.trainImages.path, "expected uint8 images of 784 pixels")
    }
    return MNISTPrefix(pixels: Array(bytes[0..<(count * width)]), labels: Array(raw.train.labels[0..<count]))
  }

  /// Samples `range` as `x = Float(pixel) / 255` (Float32, no other normalisation) and their labels.
  func batch(_ range: Range<Int>) -> (inputs: Tensor, labels: [Int32]) {
    let values = pixels[(range.lowerBound * Self.width)..<(range.upperBound * Self.width)].map { Float($0) / 255 }
    return (Tensor(shape: [range.count, Self.width], storage: values), Array(labels[range]))
  }
}

/// What our run of the oracle's procedure recorded (oracle tensor names, `layer0.weight`…).
private struct ParityRun: Sendable {
  /// The loss of each step, before its update.
  var losses: [Double] = []
  /// The global L2 norm of all gradients of each step, before its update.
  var gradientNorms: [Double] = []
  /// The weights after 8 steps.
  var weightsAfter8: [String: Tensor] = [:]
  /// The weights after the last step.
  var finalWeights: [String: Tensor] = [:]
}

/// Data, oracle and training run, computed once per test process.
private enum Parity {
  /// The oracle folder `Tests/Fixtures/oracles/mlp_parity`.
  static let folder = Fixtures.oracles.appendingPathComponent("mlp_parity")
  /// parity.json.
  static let oracle = Result { try Fixtures.oracle("mlp_parity/parity.json", as: ParityOracle.self) }
  /// The 6400 samples of the 100-step run (the 8-step run uses the first 512).
  static let mnist = Result { try MNISTPrefix.read(count: 6400) }
  /// Our 100-step run; its first 8 steps are the 8-step run (same weights, same batches).
  static let run = Result { try train(steps: oracle.get().extended_100_steps.steps) }

  /// Oracle name → our `Sequential` name (the ReLU is `layers.1`, so the second Linear is `layers.2`).
  static let names = [
    "layer0.weight": "layers.0.weight", "layer0.bias": "layers.0.bias",
    "layer1.weight": "layers.2.weight", "layer1.bias": "layers.2.bias",
  ]

  /// The oracle's initial weights, `mlp_init.safetensors` (PyTorch default Linear init, seed 1234).
  static func initialWeights() throws -> [String: Tensor] {
    try Safetensors.read(from: folder.appendingPathComponent("mlp_init.safetensors")).tensors
  }

  /// 784 → 32 → ReLU → 10 with the oracle's initial weights (a missing tensor throws `ModelStateError`).
  static func makeModel() throws -> Sequential {
    let model = Sequential(
      layers: [Dense(inputs: 784, outputs: 32), ReLU(), Dense(inputs: 32, outputs: 10)], inputShape: [784])
    let initial = try initialWeights()
    var renamed: [String: Tensor] = [:]
    for (oracleName, ourName) in names { renamed[ourName] = initial[oracleName] }
    try model.loadState(from: renamed)
    return model
  }

  /// The model's parameters under the oracle's names.
  static func oracleNamed(_ model: Sequential) -> [String: Tensor] {
    let state = model.stateTensors()
    var result: [String: Tensor] = [:]
    for (oracleName, ourName) in names { result[oracleName] = state[ourName] }
    return result
  }

  /// The oracle's optimizer section as our settings (Adam, lr 1e-3, betas 0.9/0.999, eps 1e-8, no decay).
  static func settings(_ section: ParityOracle.OptimizerSection) -> OptimizerSettings {
    var settings = OptimizerSettings()
    settings.learningRate = section.lr
    settings.beta1 = section.betas[0]
    settings.beta2 = section.betas[1]
    settings.epsilon = section.eps
    settings.weightDecay = section.weight_decay
    settings.amsgrad = section.amsgrad
    return settings
  }

  /// The oracle's procedure: batch k = samples [64k, 64k + 64); loss before the update; backward; Adam step.
  static func train(steps: Int) throws -> ParityRun {
    let oracle = try oracle.get()
    let data = try mnist.get()
    let model = try makeModel()
    let optimizer = makeOptimizer(.adam, settings: settings(oracle.optimizer))
    let loss = SoftmaxCrossEntropy()
    let size = oracle.data.batch_size
    var rng = SeededGenerator(seed: 1)  // unused: the model has no dropout
    var lossGradient = Tensor(shape: [0])
    var run = ParityRun()
    for k in 0..<steps {
      let batch = data.batch((size * k)..<(size * k + size))
      let logits = model.forward(batch.inputs, mode: .training, rng: &rng)
      run.losses.append(loss.evaluate(logits, .classes(batch.labels), gradient: &lossGradient))
      model.backward(lossGradient: lossGradient)
      run.gradientNorms.append(globalGradientNorm(model.parameters))
      optimizer.step(model.parameters)
      if k + 1 == oracle.steps { run.weightsAfter8 = oracleNamed(model) }
    }
    run.finalWeights = oracleNamed(model)
    return run
  }

  /// Float32 tolerance from HELPERS.md: `|a − b| ≤ 1e-5 · max(1, |b|)`.
  static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-5) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
  }

  /// Relative agreement `|a − b| ≤ tolerance · |b|`.
  static func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * abs(b)
  }

  /// The Frobenius norm, accumulated in Double (as the oracle computes `final_l2_norms`).
  static func frobenius(_ tensor: Tensor) -> Double { tensor.sumOfSquares().squareRoot() }
}

/// Our 784-32-10 MLP trained with Adam on real MNIST agrees with PyTorch (oracle README, section 5).
@Suite struct MLPParityTests {
  @Test func mnistPrefixMatchesTheOracleChecks() throws {
    let oracle = try Parity.oracle.get()
    let data = try Parity.mnist.get()
    // parity.json data.checks_8_steps (samples 0..<512) and data.checks_100_steps (0..<6400).
    for checks in [oracle.data.checks_8_steps, oracle.data.checks_100_steps] {
      let range = checks.index_range[0]..<checks.index_range[1]
      let pixels = Array(data.pixels[(range.lowerBound * 784)..<(range.upperBound * 784)])
      let labels = data.labels[range]
      #expect(pixels.reduce(0) { $0 + Int($1) } == checks.pixel_sum_uint8)
      #expect(SHA256.hex(pixels) == checks.sha256_uint8_pixels)
      #expect(labels.prefix(16).map(Int.init) == checks.labels_first_16)
      var counts = [Int](repeating: 0, count: 10)
      for label in labels { counts[Int(label)] += 1 }
      #expect(counts == checks.label_counts)
    }
    // The literal values of data.checks_100_steps, so a changed oracle file cannot pass silently.
    #expect(oracle.data.checks_100_steps.pixel_sum_uint8 == 169_644_303)
    #expect(oracle.data.checks_8_steps.pixel_sum_uint8 == 12_872_319)
  }

  @Test func sha256MatchesTheStandardTestVectors() {
    // FIPS 180-4 examples: "abc" and the empty message.
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    // Two blocks (56 bytes of message force a second padding block).
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func optimizerSettingsAreThoseOfTheOracle() throws {
    let section = try Parity.oracle.get().optimizer
    // parity.json "optimizer": Adam(lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay, no AMSGrad).
    #expect(section.name == "Adam")
    let settings = Parity.settings(section)
    #expect(settings.learningRate == 1e-3 && settings.beta1 == 0.9 && settings.beta2 == 0.999)
    #expect(settings.epsilon == 1e-8 && settings.weightDecay == 0 && !settings.amsgrad)
  }

  @Test func initialLogitsOfTheFirstTwoImagesMatch() throws {
    let oracle = try Parity.oracle.get()
    let data = try Parity.mnist.get()
    // mlp_init.safetensors holds exactly the four tensors of README section 5, weights [out, in].
    let initial = try Parity.initialWeights()
    #expect(Set(initial.keys) == Set(Parity.names.keys))
    #expect(initial["layer0.weight"]?.shape == [32, 784] && initial["layer1.weight"]?.shape == [10, 32])
    let model = try Parity.makeModel()
    #expect(Parity.oracleNamed(model) == initial)
    var rng = SeededGenerator(seed: 1)
    let logits = model.forward(data.batch(0..<2).inputs, mode: .evaluation, rng: &rng)
    // parity.json model.initial_logits_first_2_images: PyTorch float32 forward with mlp_init.safetensors.
    let expected = oracle.model.initial_logits_first_2_images
    #expect(expected.shape == [2, 10])
    #expect(logits.shape == [2, 10])
    for (ours, theirs) in zip(logits.storage, expected.data) {
      #expect(Parity.close(Double(ours), theirs), "logit \(ours) vs PyTorch \(theirs)")
    }
    #expect(abs(Double(logits.storage[3]) - 0.20599029958248138) <= 1e-5)  // the largest logit of image 0
  }

  @Test func eightStepLossesAndGradientNormsMatch() throws {
    let oracle = try Parity.oracle.get()
    let run = try Parity.run.get()
    // parity.json loss_per_step and grad_global_l2_norm_per_step (8 steps, samples 0..<512).
    #expect(oracle.steps == 8 && oracle.loss_per_step.count == 8)
    for k in 0..<oracle.steps {
      let loss = run.losses[k]
      let expected = oracle.loss_per_step[k]
      #expect(Parity.close(loss, expected), "step \(k): loss \(loss) vs PyTorch \(expected)")
      let norm = run.gradientNorms[k]
      let expectedNorm = oracle.grad_global_l2_norm_per_step[k]
      #expect(Parity.relativelyClose(norm, expectedNorm, 1e-4), "step \(k): gradient norm \(norm) vs \(expectedNorm)")
    }
    #expect(abs(run.losses[0] - 2.309309959411621) <= 1e-5)  // parity.json loss_per_step[0]
  }

  @Test func weightsAfterEightStepsMatch() throws {
    let oracle = try Parity.oracle.get()
    let run = try Parity.run.get()
    // parity.json final_weights_file: PyTorch's weights after the 8 steps, same layout as the init file.
    #expect(oracle.final_weights_file == "mlp_after_8_steps.safetensors")
    let reference = try Safetensors.read(from: Parity.folder.appendingPathComponent(oracle.final_weights_file)).tensors
    for name in Parity.names.keys.sorted() {
      let ours = try #require(run.weightsAfter8[name])
      let theirs = try #require(reference[name])
      #expect(ours.shape == theirs.shape)
      let worst = zip(ours.storage, theirs.storage).filter { !Parity.close(Double($0), Double($1)) }
      #expect(worst.isEmpty, "\(name): \(worst.count) elements differ, e.g. \(worst.prefix(3))")
      // parity.json final_l2_norms: Frobenius norms (float64 sums of the float32 weights).
      let norm = Parity.frobenius(ours)
      let expected = try #require(oracle.final_l2_norms[name])
      #expect(Parity.relativelyClose(norm, expected, 1e-5), "\(name): norm \(norm) vs PyTorch \(expected)")
    }
  }

  @Test func hundredStepLossesAgreeWithin1e4() throws {
    let extended = try Parity.oracle.get().extended_100_steps
    let run = try Parity.run.get()
    // parity.json extended_100_steps.loss_per_step: the same procedure for 100 steps over samples 0..<6400.
    #expect(extended.steps == 100 && extended.loss_per_step.count == 100)
    #expect(run.losses.count == 100)
    for (k, (loss, expected)) in zip(run.losses, extended.loss_per_step).enumerated() {
      #expect(abs(loss - expected) <= 1e-4, "step \(k): loss \(loss) vs PyTorch \(expected)")
    }
    // The run learns: PyTorch's last loss is well below ln 10 ≈ 2.303, the chance level.
    #expect(extended.loss_per_step[99] < 1.0)
    #expect(run.losses[99] < 1.0)
  }

  @Test func hundredStepGradientNormsAndFinalNormsMatch() throws {
    let extended = try Parity.oracle.get().extended_100_steps
    let run = try Parity.run.get()
    // parity.json extended_100_steps.grad_global_l2_norm_per_step (before each update), 1e-4 relative.
    for (k, (norm, expected)) in zip(run.gradientNorms, extended.grad_global_l2_norm_per_step).enumerated() {
      #expect(Parity.relativelyClose(norm, expected, 1e-4), "step \(k): gradient norm \(norm) vs PyTorch \(expected)")
    }
    // parity.json extended_100_steps.final_l2_norms: Frobenius norms after 100 steps, float32 tolerance.
    for name in Parity.names.keys.sorted() {
      let norm = Parity.frobenius(try #require(run.finalWeights[name]))
      let expected = try #require(extended.final_l2_norms[name])
      #expect(Parity.relativelyClose(norm, expected, 1e-5), "\(name): norm \(norm) vs PyTorch \(expected)")
    }
  }
}
