import Datasets
import NN
import Tensor
import Testing

@testable import Training

/// The confusion matrix, image samples and filters a trainer publishes for the validation page.
@Suite struct ValidationDetailTests {
  /// digits (8×8 images) with a small convnet, trained for one epoch.
  func trainedDigitsConvnet() throws -> Trainer {
    var c = TrainerFixtures.digitsConfiguration(epochs: 1)
    var spec = try ModelSpec(parsing: "conv4k3p1-relu-maxpool2-flatten-dense10")
    spec.inputShape = [1, 8, 8]
    c.model = spec
    let trainer = Trainer(configuration: c, dataset: TrainerFixtures.digits)
    trainer.run()
    return trainer
  }

  @Test func afterAnEpochTheSnapshotHasTheValidationPassesPictures() throws {
    let trainer = try trainedDigitsConvnet()
    let snapshot = trainer.makeSnapshot()
    #expect(snapshot.info.hasImages && snapshot.info.classNames.count == 10)
    #expect(snapshot.info.modelSummary == "conv1 4×3×3 · dense1 10")
    let detail = try #require(snapshot.validation)
    #expect(detail.epoch == 1)
    let split = TrainerFixtures.digits.validation
    #expect(detail.confusion.counts.reduce(0, +) == split.count)
    // The confusion matrix's accuracy is the epoch's validation accuracy.
    #expect(abs(detail.confusion.accuracy - (trainer.epochs.last?.validationMetric ?? -1)) < 1e-12)
    let samples = try #require(detail.samples)
    #expect(samples.height == 8 && samples.width == 8)
    #expect(!samples.images.isEmpty && samples.images.count <= 2 * ValidationDetail.sampleCount)
    // Mistakes come first, no row twice; every image's label is the split's, its prediction the model's.
    let mistakes = samples.images.prefix { $0.prediction.isMistake }
    #expect(samples.images.dropFirst(mistakes.count).prefix(ValidationDetail.sampleCount).count > 0)
    #expect(Set(samples.images.map(\.prediction.row)).count == samples.images.count)
    var rng = SeededGenerator(seed: 0)
    var batch = Batch()
    for image in samples.images {
      let p = image.prediction
      #expect(Int(split.label(at: p.row)) == p.label)
      split.fill(&batch, indices: [p.row])
      let output = trainer.model.forward(batch.inputs, mode: .evaluation, rng: &rng)
      var predicted: [Int32] = []
      output.argmaxRows(into: &predicted)
      #expect(Int(predicted[0]) == p.predicted)
      #expect(image.pixels.count == 64 && image.pixels.allSatisfy { $0 >= 0 && $0 <= 1 })
      #expect(image.pixels.contains(0) && image.pixels.contains(1))  // scaled to the image's own range
    }
    let filters = try #require(snapshot.filters)
    #expect(filters.shape == [4, 1, 3, 3])
    #expect(filters == trainer.model.parameters[0].value)
  }

  @Test func tablesGetAConfusionMatrixButNoImagesOrFilters() {
    var c = TrainerConfiguration(model: ModelSpec(sizes: [4, 8, 3]))
    c.epochs = 1
    c.batchSize = 16
    let trainer = Trainer(configuration: c, dataset: TrainerFixtures.iris)
    #expect(trainer.makeSnapshot().validation == nil)  // before the first epoch
    trainer.run()
    let snapshot = trainer.makeSnapshot()
    #expect(snapshot.validation?.confusion.classCount == 3)
    #expect(snapshot.validation?.samples == nil)
    #expect(snapshot.filters == nil && !snapshot.info.hasImages)
    #expect(snapshot.info.modelSummary == "mlp 4-8-3 relu")
  }

  @Test func evaluatorKeepsTheFirstPredictionsAndTheFirstMistakes() {
    var samples = EvaluationSamples()
    // Two batches: rows 0–3 then 4–7; mistakes at rows 1, 4, 6, 7.
    samples.add([0, 2, 1, 1], [0, 1, 1, 1], firstRow: 0, keeping: 2)
    samples.add([3, 0, 0, 1], [2, 0, 2, 0], firstRow: 4, keeping: 2)
    #expect(samples.leading.map(\.row) == [0, 1])
    #expect(samples.mistakes.map(\.row) == [1, 4])
    #expect(samples.mistakes.map(\.predicted) == [2, 3])
    #expect(samples.mistakes.map(\.label) == [1, 2])
  }

  @Test func greyLevelsAverageChannelsAndSpanTheImagesRange() {
    // A 1×2 image with 2 channels, channels first (channel 0 = [1, 2], channel 1 = [5, 2]): pixel
    // means 3 and 2 → 1 and 0 (read channels last, it would be 1.5 and 3.5 → 0 and 1).
    let grey = ImageSamples.greyLevels([1, 2, 5, 2], ImageShape(height: 1, width: 2, channels: 2))
    #expect(grey == [1, 0])
    // A flat image (no range) is all 0; NaN becomes 0.
    #expect(ImageSamples.greyLevels([5, 5, .nan], ImageShape(height: 1, width: 3)) == [0, 0, 0])
  }
}
