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

  /// A colour image is held channels first: a shift or a flip moves every channel's plane alike.
  @Test func shiftAndFlipMoveEveryChannelOfAColourImageTogether() {
    // Two 3×4 channels: channel 0 holds 0…11, channel 1 holds 100…111 (row by row).
    let shape = ImageShape(height: 3, width: 4, channels: 2)
    let planes = [(0..<12).map(Float.init), (100..<112).map(Float.init)]
    var batch = Batch()
    batch.inputs = Tensor(shape: [64, 24], storage: Array(repeating: planes[0] + planes[1], count: 64).flatMap { $0 })
    batch.labels = Array(repeating: 0, count: 64)
    var augmenter = Augmenter(
      options: AugmentationOptions(shiftPixels: 1, horizontalFlip: true), imageShape: shape,
      background: [Float](repeating: -1, count: 24), seed: 3)
    augmenter.apply(to: &batch, epoch: 0, batch: 0)
    var moved = 0
    for row in 0..<64 {
      let out = image(batch.inputs, row, size: 24)
      let (first, second) = (Array(out[0..<12]), Array(out[12..<24]))
      // Channel 1 is channel 0 + 100 wherever channel 0 came from inside the image, and both took
      // the background at the same pixels.
      for pixel in 0..<12 {
        #expect(first[pixel] == -1 ? second[pixel] == -1 : second[pixel] == first[pixel] + 100)
      }
      if first != planes[0] { moved += 1 }
    }
    #expect(moved > 32)
  }

  /// Row `row` of `tensor`, as an array.
  func image(_ tensor: Tensor, _ row: Int, size: Int = 784) -> [Float] {
    Array(tensor.storage[(row * size)..<((row + 1) * size)])
  }

  /// `image` (28x28) mirrored left–right.
  func mirrored(_ image: [Float]) -> [Float] {
    (0..<784).map { i in image[(i / 28) * 28 + 27 - i % 28] }
  }

  /// Applies `options` to `batch` (28x28 images, background 0) with `seed`.
  func augmented(_ batch: Batch, _ options: AugmentationOptions, seed: UInt64 = 7) -> Batch {
    var copy = batch
    var augmenter = Augmenter(
      options: options, imageShape: ImageShape(height: 28, width: 28),
      background: [Float](repeating: 0, count: 784), seed: seed)
    augmenter.apply(to: &copy, epoch: 0, batch: 0)
    return copy
  }

  @Test func flipMirrorsAboutHalfOfTheImagesExactly() throws {
    let original = try mnistBatch()
    let batch = augmented(original, AugmentationOptions(horizontalFlip: true))
    var flipped = 0
    for row in 0..<32 {
      let before = image(original.inputs, row)
      let after = image(batch.inputs, row)
      if after == mirrored(before) {
        flipped += 1
      } else {
        #expect(after == before, "image \(row) is neither itself nor its mirror")
      }
    }
    // 32 fair coins with this seed: both outcomes occur (P(all alike) = 2^-31).
    #expect(flipped > 4 && flipped < 28)
  }

  @Test func zoomScalesALinearRampAboutTheCentre() {
    // Bilinear interpolation is exact on a ramp v(x, y) = x - 13.5, so a zoom by s gives (x - 13.5)/s
    // wherever the source point is inside the image (|x - 13.5| ≤ 13.5·0.8 for the smallest s, so
    // x and y in 3...24); s must lie in [0.8, 1.2].
    var batch = Batch()
    let ramp = (0..<784).map { Float($0 % 28) - 13.5 }
    batch.inputs = Tensor(shape: [8, 784], storage: Array((0..<8).map { _ in ramp }.joined()))
    batch.labels = [Int32](repeating: 0, count: 8)
    let zoomed = augmented(batch, AugmentationOptions(zoom: 0.2), seed: 3)
    var scales: Set<Float> = []
    for row in 0..<8 {
      let values = image(zoomed.inputs, row)
      let scale = (20 - 13.5) / values[14 * 28 + 20]  // pixel (20, 14) reads 6.5/s
      guard scale >= 0.8, scale <= 1.2 else {
        Issue.record("image \(row): zoom factor \(scale) outside [0.8, 1.2]")
        continue
      }
      scales.insert(scale)
      for y in 3...24 {
        for x in 3...24 {
          #expect(abs(values[y * 28 + x] - (Float(x) - 13.5) / scale) < 1e-3, "pixel (\(x), \(y)) of \(row)")
        }
      }
    }
    #expect(scales.count == 8)  // each image draws its own factor
  }

  @Test func brightnessScalesEachImageAboutTheBackground() throws {
    // With background b, brightness maps x to b + f·(x - b): check f is one number per image in [0.7, 1.3].
    let original = try mnistBatch()
    var batch = original
    var augmenter = Augmenter(
      options: AugmentationOptions(brightness: 0.3), imageShape: ImageShape(height: 28, width: 28),
      background: [Float](repeating: -0.5, count: 784), seed: 9)
    augmenter.apply(to: &batch, epoch: 0, batch: 0)
    for row in 0..<32 {
      let before = image(original.inputs, row)
      let after = image(batch.inputs, row)
      let brightest = try #require(before.indices.max { before[$0] < before[$1] })
      let factor = (after[brightest] + 0.5) / (before[brightest] + 0.5)
      #expect(factor >= 0.7 && factor <= 1.3)
      for i in 0..<784 { #expect(abs(after[i] - (-0.5 + factor * (before[i] + 0.5))) < 1e-5) }
    }
  }

  @Test func contrastKeepsTheMeanAndScalesTheSpread() throws {
    let original = try mnistBatch()
    let batch = augmented(original, AugmentationOptions(contrast: 0.5))
    var factors: [Float] = []
    for row in 0..<32 {
      let before = image(original.inputs, row)
      let after = image(batch.inputs, row)
      let meanBefore = before.reduce(0, +) / 784
      let meanAfter = after.reduce(0, +) / 784
      #expect(abs(meanAfter - meanBefore) < 1e-5)
      let brightest = try #require(before.indices.max { before[$0] < before[$1] })
      let factor = (after[brightest] - meanAfter) / (before[brightest] - meanBefore)
      #expect(factor >= 0.5 && factor <= 1.5)
      for i in 0..<784 { #expect(abs(after[i] - (meanBefore + factor * (before[i] - meanBefore))) < 1e-5) }
      factors.append(factor)
    }
    #expect(Set(factors).count > 20)
  }

  @Test func turningAnOptionOnKeepsTheOthersDraws() throws {
    // Options draw only when on, and in a fixed order, so adding contrast leaves each image's shift as it
    // was: every image of `both` is a contrast change (m + f·(x - m)) of the same image of `shifted`.
    let original = try mnistBatch()
    let shifted = augmented(original, AugmentationOptions(shiftPixels: 2))
    let both = augmented(original, AugmentationOptions(shiftPixels: 2, contrast: 0.5))
    for row in 0..<32 {
      let before = image(shifted.inputs, row)
      let after = image(both.inputs, row)
      let mean = before.reduce(0, +) / 784
      let brightest = try #require(before.indices.max { before[$0] < before[$1] })
      let factor = (after[brightest] - mean) / (before[brightest] - mean)
      let worst = (0..<784).map { abs(after[$0] - (mean + factor * (before[$0] - mean))) }.max() ?? 0
      #expect(worst < 1e-5, "image \(row) was shifted differently")
    }
  }

  @Test func badSettingsAreRefused() {
    for options in [
      AugmentationOptions(zoom: 0.95), AugmentationOptions(zoom: -0.1), AugmentationOptions(brightness: .nan),
      AugmentationOptions(contrast: 11), AugmentationOptions(brightness: -1),
    ] {
      #expect(throws: DatasetError.self) { try options.validate() }
    }
    #expect(throws: Never.self) { try AugmentationOptions(zoom: 0.9, brightness: 10, contrast: 10).validate() }
  }
}
