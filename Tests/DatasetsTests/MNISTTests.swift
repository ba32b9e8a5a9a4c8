import Datasets
import Foundation
import TestSupport
import Testing

@Suite struct MNISTTests {
  @Test func loadsTrainAndTestFromGzip() throws {
    let mnist = try #require(Shared.mnistFileOrder)
    #expect(mnist.name == "mnist")
    #expect(mnist.train.count == 60000)
    #expect(mnist.test.count == 10000)
    #expect(mnist.validation.count == 0)
    #expect(mnist.featureCount == 784)
    #expect(mnist.imageShape == ImageShape(height: 28, width: 28))
    #expect(mnist.hasOwnTestSplit)
    #expect(mnist.classNames == (0..<10).map(String.init))
    #expect(mnist.preprocessing.scaling == .none)
    #expect(mnist.preprocessing.inputDivisor == 255)
  }

  @Test func labelCountsMatchTheREADME() throws {
    let mnist = try #require(Shared.mnistFileOrder)
    // datasets/README.md, "Label counts, train" and "Test".
    #expect(mnist.train.classCounts == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
    #expect(mnist.test.classCounts == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
  }

  @Test func firstSamplesMatchTheParityOracle() throws {
    let mnist = try #require(Shared.mnistFileOrder)
    let parity = try Fixtures.oracle("mlp_parity/parity.json", as: Shared.Parity.self)
    for checks in [parity.data.checks_8_steps, parity.data.checks_100_steps] {
      var batch = Batch()
      mnist.train.fill(&batch, indices: Array(checks.index_range[0]..<checks.index_range[1])[...])
      // parity.json data.checks_*: first 16 labels, label counts and raw uint8 pixel sum.
      #expect(batch.labels.prefix(16).map(Int.init) == checks.labels_first_16)
      #expect(batch.labels.prefix(16).map(Int.init) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4, 3, 5, 3, 6, 1, 7])
      var counts = [Int](repeating: 0, count: 10)
      for label in batch.labels { counts[Int(label)] += 1 }
      #expect(counts == checks.label_counts)
      // Inputs are Float(pixel) / 255 exactly, so × 255 rounds back to the byte.
      let pixelSum = batch.inputs.storage.reduce(0) { $0 + Int(($1 * 255).rounded()) }
      #expect(pixelSum == checks.pixel_sum_uint8)
      #expect(batch.inputs.storage.allSatisfy { $0 >= 0 && $0 <= 1 })
      #expect(batch.inputs.storage.contains { $0 == Float(255) / 255 })
    }
  }

  /// A batch of scattered rows (the C gather fetches rows ahead) is those rows, in the given order.
  @Test func scatteredRowsGatherInOrder() throws {
    let mnist = try #require(Shared.mnistFileOrder)
    let positions = [59_999, 7, 31_000, 7, 0, 12_345, 2]
    var batch = Batch()
    mnist.train.fill(&batch, indices: positions[...])
    #expect(batch.inputs.shape == [positions.count, 784])
    for (i, position) in positions.enumerated() {
      var single = Batch()
      mnist.train.fill(&single, indices: [position][...])
      #expect(Array(batch.inputs.storage[(i * 784)..<((i + 1) * 784)]) == single.inputs.storage)
      #expect(batch.labels[i] == single.labels[0])
    }
  }

  @Test func inputsAreExactlyPixelOver255() throws {
    let mnist = try #require(Shared.mnistFileOrder)
    var batch = Batch()
    mnist.train.fill(&batch, indices: [0][...])
    let values = Set(batch.inputs.storage)
    #expect(values.isSubset(of: Set((0...255).map { Float($0) / 255 })))
    #expect(batch.inputs.shape == [1, 784])
  }

  @Test func defaultValidationIsAStratifiedTenthOfTheTrainingFile() throws {
    let mnist = try #require(Shared.mnist)
    #expect(mnist.train.count + mnist.validation.count == 60000)
    #expect(mnist.test.count == 10000)
    // Per class: round(0.1 · n_c) of the README's train counts.
    let trainFile = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    let expected = trainFile.map { Int((Double($0) * 0.1).rounded()) }
    #expect(mnist.validation.classCounts == expected)
    #expect(mnist.train.classCounts == zip(trainFile, expected).map { $0 - $1 })
    #expect(Set(mnist.train.rows).isDisjoint(with: mnist.validation.rows))
  }

  @Test func globalStandardizeUsesTrainingPixelStatistics() throws {
    let options = DatasetOptions(source: .builtin(.mnist), scaling: .globalStandardize, validationFraction: 0)
    let mnist = try DatasetLoader.load(options, datasetsDirectory: Fixtures.datasets)
    let stats = mnist.preprocessing.statistics
    // The classic MNIST normalisation constants (mean 0.1307, std 0.3081 over the 60000 training images).
    #expect(abs(stats.overallMean - 0.1307) < 5e-5)
    #expect(abs(stats.overallStandardDeviation - 0.3081) < 5e-5)
    var batch = Batch()
    mnist.train.fill(&batch, indices: [0][...])
    let zero = Float((0 - stats.overallMean) / stats.overallStandardDeviation)
    #expect(abs(batch.inputs.storage[0] - zero) < 1e-5)
  }
}
