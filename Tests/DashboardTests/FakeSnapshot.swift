import Dashboard
import Foundation
import NN
import Tensor
import Training

/// Realistic snapshots for the golden tests: an MNIST MLP run, deterministic, no randomness.
enum FakeSnapshot {
  /// 1:00:00 UTC on 2 Jan 2024, the clock of every fake event.
  static let baseTime = 1_704_157_200.0

  /// A run of `epochs` finished epochs (of 20) at 600 steps per epoch.
  static func mnist(epochs finished: Int = 3, status: TrainingStatus = .running) -> TrainingSnapshot {
    var snapshot = TrainingSnapshot(
      info: RunInfo(
        datasetName: "mnist", modelSummary: "mlp 784-256-128-10 relu", isClassification: true,
        totalEpochs: 20, stepsPerEpoch: 600, batchSize: 100))
    snapshot.status = status
    snapshot.epoch = finished + 1
    snapshot.step = finished * 600 + 30
    snapshot.optimizer = .adam
    snapshot.scheduleDescription = "cosine, warmup 1"
    snapshot.hyperparameters = [
      .learningRate: 1e-3, .momentum: 0.9, .beta1: 0.9, .beta2: 0.999, .weightDecay: 0, .l1: 0, .l2: 0,
      .clipNorm: 5, .patience: 10,
    ]
    snapshot.samplesPerSecond = 21_437
    snapshot.elapsedSeconds = 83
    snapshot.etaSeconds = 41
    let steps = snapshot.step
    // Loss decays as 2.3·e^(−step/400) + 0.1 with a small deterministic wiggle.
    snapshot.stepLoss = Series(values: (0..<steps).map { 2.3 * exp(-Double($0) / 400) + 0.1 + 0.05 * sin(Double($0)) })
    snapshot.learningRate = Series(values: (0..<steps).map { 1e-3 * (0.5 + 0.5 * cos(Double($0) / 12000 * .pi)) })
    snapshot.gradientNorm = Series(values: (0..<steps).map { 0.8 + 0.3 * sin(Double($0) / 50) })
    snapshot.upcomingLearningRate = stride(from: steps, through: 12000, by: 100).map {
      (step: $0, rate: 1e-3 * (0.5 + 0.5 * cos(Double($0) / 12000 * .pi)))
    }
    snapshot.learningRateChanges = [900]
    snapshot.layerGradientNorms = [("dense1", 0.41), ("dense2", 0.22), ("dense3", 0.09)]
    snapshot.epochs = (1...max(1, finished)).prefix(finished).map { epoch in
      EpochMetrics(
        epoch: epoch, trainLoss: 0.5 / Double(epoch), trainMetric: 1 - 0.1 / Double(epoch),
        validationLoss: 0.55 / Double(epoch), validationMetric: 1 - 0.12 / Double(epoch),
        learningRate: 1e-3, seconds: 28, samplesPerSecond: 21_437)
    }
    snapshot.earlyStopping = EarlyStoppingStatus(
      monitor: "val_loss", bestEpoch: finished, bestValue: 0.55 / Double(max(1, finished)), patience: 10,
      patienceLeft: 10)
    snapshot.events = [
      TrainingEvent(
        sequence: 1, time: baseTime, step: 0, epoch: 1,
        detail: .started(model: "mlp 784-256-128-10 relu", dataset: "mnist", parameters: 235_146)),
      TrainingEvent(
        sequence: 2, time: baseTime + 44, step: 900, epoch: 2, source: .key,
        detail: .setting(.learningRate, old: 1e-3, new: 5e-4)),
      TrainingEvent(
        sequence: 3, time: baseTime + 62, step: 1200, epoch: 2, detail: .best(monitor: "val_loss", value: 0.275)),
    ]
    return snapshot
  }
}

extension FakeSnapshot {
  /// A tiny regression-free run for pane goldens: 2 epochs of 4 steps, few points, round numbers.
  static func tiny() -> TrainingSnapshot {
    var snapshot = TrainingSnapshot(
      info: RunInfo(
        datasetName: "iris", modelSummary: "mlp 4-16-3 relu", isClassification: true,
        totalEpochs: 4, stepsPerEpoch: 4, batchSize: 30))
    snapshot.status = .running
    snapshot.epoch = 3
    snapshot.step = 8
    snapshot.stepLoss = Series(values: [2.0, 1.5, 1.0, 0.8, 0.6, 0.5, 0.45, 0.4])
    snapshot.learningRate = Series(values: [0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05])
    snapshot.upcomingLearningRate = [(8, 0.05), (12, 0.025), (16, 0.0)]
    snapshot.learningRateChanges = [4]
    snapshot.hyperparameters = [
      .learningRate: 0.05, .momentum: 0.9, .beta1: 0.9, .beta2: 0.999, .weightDecay: 0, .l1: 0, .l2: 0, .patience: 0,
    ]
    snapshot.scheduleDescription = "step ×0.5 every 1"
    snapshot.gradientNorm = Series(values: [3.0, 2.5, 2.0, 1.5, 1.2, 1.0, 0.9, 0.8])
    snapshot.hyperparameters[.clipNorm] = 2
    snapshot.layerGradientNorms = [("dense1", 0.6), ("dense2", 0.3)]
    snapshot.epochs = [
      EpochMetrics(
        epoch: 1, trainLoss: 1.3, trainMetric: 0.6, validationLoss: 1.4, validationMetric: 0.5, learningRate: 0.1,
        seconds: 1, samplesPerSecond: 120),
      EpochMetrics(
        epoch: 2, trainLoss: 0.5, trainMetric: 0.9, validationLoss: 0.6, validationMetric: 0.85, learningRate: 0.05,
        seconds: 1, samplesPerSecond: 120),
    ]
    snapshot.samplesPerSecond = 120
    snapshot.elapsedSeconds = 2
    snapshot.etaSeconds = 2
    return snapshot
  }

  /// `pane` drawn in a box filling a `width` × `height` screen.
  /// `tiny()` with validation pictures: 4×4 images of three classes `a b c`, a 3×3 confusion matrix
  /// (15 samples, 3 wrong: a→c once, c→a twice) and two 2×2 filters.
  static func pictures() -> TrainingSnapshot {
    var snapshot = tiny()
    snapshot.info.classNames = ["a", "b", "c"]
    snapshot.info.hasImages = true
    let labels: [Int32] = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2]
    let predictions: [Int32] = [0, 0, 0, 0, 0, 2, 1, 1, 1, 1, 2, 2, 2, 0, 0]
    let confusion = ConfusionMatrix(classCount: 3, predictions: predictions, labels: labels)
    // A vertical bar (a→c, wrong), a horizontal bar (b→b), a full square (c→c).
    let vertical: [Float] = [0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0]
    let horizontal: [Float] = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
    let images = [
      ImageSamples.Image(prediction: .init(row: 5, label: 0, predicted: 2), pixels: vertical),
      ImageSamples.Image(prediction: .init(row: 0, label: 1, predicted: 1), pixels: horizontal),
      ImageSamples.Image(prediction: .init(row: 1, label: 2, predicted: 2), pixels: [Float](repeating: 1, count: 16)),
    ]
    let samples = ImageSamples(height: 4, width: 4, images: images)
    snapshot.validation = ValidationDetail(epoch: 2, confusion: confusion, samples: samples)
    snapshot.filters = Tensor(shape: [2, 1, 2, 2], storage: [1, -0.5, 0, 0.25, -1, 0.5, 0.75, 0])
    return snapshot
  }

  static func boxed(_ pane: any Pane, _ snapshot: TrainingSnapshot, _ ui: UIState = UIState(), width: Int, height: Int)
    -> Screen
  {
    var screen = Screen(width: width, height: height)
    screen.draw(pane, snapshot, ui, boxedIn: screen.bounds)
    return screen
  }
}

extension Screen {
  /// Draws `pane` alone in a box around `rect` (the dashboard draws shared borders itself).
  mutating func draw(
    _ pane: any Pane, _ snapshot: TrainingSnapshot, _ ui: UIState, boxedIn rect: Rect, focused: Bool = false
  ) {
    border(rect, style: focused ? Palette.focus : Palette.border)
    title(pane.title(snapshot, ui), on: rect)
    pane.render(snapshot, ui, into: &self, in: rect.inset(by: 1))
  }
}
