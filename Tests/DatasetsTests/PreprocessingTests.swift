import Datasets
import Foundation
import TestSupport
import Testing

@Suite struct PreprocessingTests {
  /// Three rows: a = 1, 2, 6; b = 10, 10, 10 (constant); c = -1, 0, 4.
  static let text = "a,b,c,label\n1,10,-1,0\n2,10,0,1\n6,10,4,0\n"

  @Test func standardizeStatisticsAndValues() throws {
    let dataset = try loadCSV(Self.text) { $0.scaling = .standardize }
    let stats = dataset.preprocessing.statistics
    // a: mean 3, population variance ((−2)² + (−1)² + 3²) / 3 = 14/3.
    // c: mean 1, variance ((−2)² + (−1)² + 3²) / 3 = 14/3. b is constant: std 0.
    #expect(stats.mean == [3, 10, 1])
    #expect(stats.standardDeviation[0] == (14.0 / 3).squareRoot())
    #expect(stats.standardDeviation[1] == 0)
    #expect(stats.standardDeviation[2] == (14.0 / 3).squareRoot())
    #expect(stats.minimum == [1, 10, -1])
    #expect(stats.maximum == [6, 10, 4])
    let batch = allRows(dataset.train)
    let s = Float((14.0 / 3).squareRoot())
    let expected: [Float] = [-2 / s, 0, -2 / s, -1 / s, 0, -1 / s, 3 / s, 0, 3 / s]
    for (value, want) in zip(batch.inputs.storage, expected) { #expect(abs(value - want) <= 1e-6) }
    #expect(batch.inputs.storage.allSatisfy { $0.isFinite })
  }

  @Test func minMaxStatisticsAndValues() throws {
    let dataset = try loadCSV(Self.text) { $0.scaling = .minMax }
    let batch = allRows(dataset.train)
    // a: (x − 1) / 5; b constant → 0; c: (x + 1) / 5.
    let expected: [Float] = [0, 0, 0, 0.2, 0, 0.2, 1, 0, 1]
    for (value, want) in zip(batch.inputs.storage, expected) { #expect(abs(value - want) <= 1e-6) }
    #expect(dataset.preprocessing.shift == [1, 10, -1])
    #expect(dataset.preprocessing.factor == [0.2, 1, 0.2])
  }

  @Test func globalStandardizeUsesOneMeanAndStd() throws {
    let dataset = try loadCSV(Self.text) { $0.scaling = .globalStandardize }
    let stats = dataset.preprocessing.statistics
    // All nine values: 1 2 6 10 10 10 −1 0 4 → mean 42/9; variance = Σx²/9 − mean².
    let values: [Double] = [1, 2, 6, 10, 10, 10, -1, 0, 4]
    let mean = values.reduce(0, +) / 9
    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 9
    #expect(abs(stats.overallMean - 42.0 / 9) < 1e-12)
    #expect(abs(stats.overallStandardDeviation - variance.squareRoot()) < 1e-12)
    #expect(Set(dataset.preprocessing.factor) == [Float(1 / variance.squareRoot())])
  }

  @Test func statisticsComeFromTheTrainingSplitOnly() throws {
    let iris = try Shared.builtin(.iris)
    var train = [Double](repeating: 0, count: 4)
    let batch = try loadCSV(
      String(contentsOf: Fixtures.datasets.appendingPathComponent("iris/iris.csv"), encoding: .utf8)
    ).train
    let raw = allRows(batch)  // all 150 rows in file order, unscaled
    for row in iris.train.rows {
      for j in 0..<4 { train[j] += Double(raw.inputs.storage[row * 4 + j]) }
    }
    let means = train.map { $0 / Double(iris.train.count) }
    for j in 0..<4 { #expect(abs(iris.preprocessing.statistics.mean[j] - means[j]) < 1e-12) }
    // The mean over all 150 rows differs (sepal length 5.8433…), so the fit really used train only.
    let allMean = (0..<150).map { Double(raw.inputs.storage[$0 * 4]) }.reduce(0, +) / 150
    #expect(abs(iris.preprocessing.statistics.mean[0] - allMean) > 1e-6)
  }

  @Test func codableRoundTripAndReapplication() throws {
    let dataset = try loadCSV(Self.text) { $0.scaling = .standardize }
    let data = try JSONEncoder().encode(dataset.preprocessing)
    let decoded = try JSONDecoder().decode(Preprocessing.self, from: data)
    #expect(decoded == dataset.preprocessing)
    // A dataset loaded with other scaling gives the same batches once the stored transform is applied.
    let other = try loadCSV(Self.text) { $0.scaling = .none }.applying(decoded)
    #expect(allRows(other.train).inputs == allRows(dataset.train).inputs)
    #expect(other.validation.preprocessing == decoded)
    #expect(other.test.preprocessing == decoded)
  }

  @Test func automaticScalingDependsOnTheData() {
    #expect(Scaling.automatic.resolved(isImage: true) == Scaling.none)
    #expect(Scaling.automatic.resolved(isImage: false) == .standardize)
    #expect(Scaling.minMax.resolved(isImage: true) == .minMax)
  }

  @Test func applyMatchesFill() throws {
    let dataset = try loadCSV(Self.text) { $0.scaling = .minMax }
    #expect(dataset.preprocessing.apply(6, feature: 0) == 1)
    #expect(dataset.preprocessing.apply(10, feature: 1) == 0)
  }
}

@Suite struct StoredPreprocessingTests {
  /// A stored transform for a different feature count (the file changed since the run) is an error, not a trap.
  @Test func mismatchedStoredTransformThrows() throws {
    let iris = try DatasetLoader.load(DatasetOptions("iris"), datasetsDirectory: Fixtures.datasets)
    let wine = try DatasetLoader.load(DatasetOptions("wine"), datasetsDirectory: Fixtures.datasets)
    #expect(throws: DatasetError.self) { try iris.applying(wine.preprocessing) }
    let same = try iris.applying(iris.preprocessing)
    #expect(same.preprocessing == iris.preprocessing)
  }

  /// Filling batches of one size reuses the batch's buffers (no copy, no allocation).
  @Test func fillReusesTheBatchBuffers() throws {
    let iris = try DatasetLoader.load(DatasetOptions("iris"), datasetsDirectory: Fixtures.datasets)
    var batch = Batch()
    iris.train.fill(&batch, indices: [0, 1, 2, 3][...])
    let base = batch.inputs.storage.withUnsafeBufferPointer { $0.baseAddress }
    iris.train.fill(&batch, indices: [4, 5, 6, 7][...])
    #expect(batch.inputs.storage.withUnsafeBufferPointer { $0.baseAddress } == base)
    #expect(batch.inputs.shape == [4, 4])
  }
}
