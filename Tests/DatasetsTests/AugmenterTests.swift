import Datasets
import Foundation
import Tensor
import TestSupport
import Testing

@Suite struct AugmenterTests {
  /// The first 32 MNIST training images, unscaled ([0, 1]).
  func mnistBatch() throws -> Batch {
    let mnist = try #require(Shared.mnistFileOrder)
    var batch = Batch()
    mnist.train.fill(&batch, indices: Array(0..<32)[...])
    return batch
  }

  /// `image` (28x28) moved by (dx, dy) with zeros shifted in.
  func shifted(_ image: ArraySlice<Float>, dx: Int, dy: Int) -> [Float] {
    let base = image.startIndex
    return (0..<784).map { i in
      let (y, x) = (i / 28 - dy, i % 28 - dx)
      return x >= 0 && x < 28 && y >= 0 && y < 28 ? image[base + y * 28 + x] : 0
    }
  }

  @Test func offByDefault() throws {
    let mnist = try #require(Shared.mnistFileOrder)
    #expect(mnist.makeAugmenter(seed: 1) == nil)
    #expect(!DatasetOptions("mnist").augmentation.isEnabled)
  }

  @Test func shiftMovesEachImageByWholePixelsWithinTheLimit() throws {
    let original = try mnistBatch()
    var batch = original
    var augmenter = Augmenter(
      options: AugmentationOptions(shiftPixels: 2), imageShape: ImageShape(height: 28, width: 28),
      background: [Float](repeating: 0, count: 784), seed: 5)
    augmenter.apply(to: &batch, epoch: 0, batch: 0)
    #expect(batch.inputs.shape == original.inputs.shape)
    #expect(batch.labels == original.labels)
    var moved = 0
    for row in 0..<32 {
      let image = original.inputs.storage[(row * 784)..<((row + 1) * 784)]
      let result = Array(batch.inputs.storage[(row * 784)..<((row + 1) * 784)])
      let matches = (-2...2).flatMap { dx in (-2...2).map { dy in (dx, dy) } }
        .filter { shifted(image, dx: $0.0, dy: $0.1) == result }
      #expect(!matches.isEmpty, "image \(row) is not an exact shift of at most 2 pixels")
      if result != Array(image) { moved += 1 }
    }
    #expect(moved > 20)  // 24 of 25 shifts move the image
  }

  @Test func deterministicPerSeedEpochAndBatch() throws {
    let original = try mnistBatch()
    let options = AugmentationOptions(shiftPixels: 3, rotationDegrees: 15, noiseStandardDeviation: 0.1)
    func augmented(seed: UInt64, epoch: Int, batch number: Int) -> Tensor {
      var batch = original
      var augmenter = Augmenter(
        options: options, imageShape: ImageShape(height: 28, width: 28),
        background: [Float](repeating: 0, count: 784), seed: seed)
      augmenter.apply(to: &batch, epoch: epoch, batch: number)
      return batch.inputs
    }
    let reference = augmented(seed: 1, epoch: 2, batch: 3)
    #expect(reference.shape == [32, 784])
    #expect(augmented(seed: 1, epoch: 2, batch: 3) == reference)
    #expect(augmented(seed: 1, epoch: 2, batch: 4) != reference)
    #expect(augmented(seed: 1, epoch: 3, batch: 3) != reference)
    #expect(augmented(seed: 2, epoch: 2, batch: 3) != reference)
    #expect(reference != original.inputs)
  }

  @Test func rotationInterpolatesWithinTheOriginalRange() throws {
    let original = try mnistBatch()
    var batch = original
    var augmenter = Augmenter(
      options: AugmentationOptions(rotationDegrees: 20), imageShape: ImageShape(height: 28, width: 28),
      background: [Float](repeating: 0, count: 784), seed: 11)
    augmenter.apply(to: &batch, epoch: 0, batch: 0)
    #expect(batch.inputs.storage.allSatisfy { $0 >= 0 && $0 <= 1 })  // bilinear weights are convex
    #expect(batch.inputs != original.inputs)
    // A rotation of at most 20° about the centre keeps most of the ink: sums agree within 15%.
    for row in 0..<32 {
      let before = original.inputs.storage[(row * 784)..<((row + 1) * 784)].reduce(0, +)
      let after = batch.inputs.storage[(row * 784)..<((row + 1) * 784)].reduce(0, +)
      #expect(abs(after - before) < 0.15 * before)
    }
  }

  @Test func tabularNoiseHasTheRequestedSpread() throws {
    let options = DatasetOptions(
      source: .builtin(.digits), augmentation: AugmentationOptions(noiseStandardDeviation: 0.5))
    let digits = try DatasetLoader.load(options, datasetsDirectory: Fixtures.datasets)
    var augmenter = try #require(digits.makeAugmenter(seed: 3))
    var batch = Batch()
    digits.train.fill(&batch, indices: Array(0..<digits.train.count)[...])
    let clean = batch.inputs.storage
    augmenter.apply(to: &batch, epoch: 0, batch: 0)
    let noise = zip(batch.inputs.storage, clean).map { Double($0 - $1) }
    let mean = noise.reduce(0, +) / Double(noise.count)
    let std = (noise.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(noise.count)).squareRoot()
    // About 80000 draws: the sample std is within 1% of 0.5 and the mean within 0.01 of 0.
    #expect(abs(std - 0.5) < 0.005)
    #expect(abs(mean) < 0.01)
  }

  @Test func shiftFillsWithTheBackgroundValue() {
    // A 2x2 image of ones, shifted by one pixel, brings in the background value 7.
    var batch = Batch()
    batch.inputs = Tensor(shape: [1, 4], repeating: 1)
    batch.labels = [0]
    var augmenter = Augmenter(
      options: AugmentationOptions(shiftPixels: 1), imageShape: ImageShape(height: 2, width: 2),
      background: [7, 7, 7, 7], seed: 0)
    var sawBackground = false
    for number in 0..<20 {
      var copy = batch
      augmenter.apply(to: &copy, epoch: 0, batch: number)
      #expect(copy.inputs.storage.allSatisfy { $0 == 1 || $0 == 7 })
      sawBackground = sawBackground || copy.inputs.storage.contains(7)
    }
    #expect(sawBackground)
  }
}
