import Datasets
import Foundation
import TestSupport
import Testing

@Suite struct BuiltinDatasetTests {
  @Test func irisShapeAndClasses() throws {
    let iris = try Shared.builtin(.iris)
    #expect(iris.featureCount == 4)
    #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
    #expect(iris.featureNames == ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"])
    #expect(iris.train.count + iris.validation.count + iris.test.count == 150)
    // 50 per class (README); round(50 · 0.15) = 8 validation and 8 test per class, 34 train.
    #expect(iris.train.classCounts == [34, 34, 34])
    #expect(iris.validation.classCounts == [8, 8, 8])
    #expect(iris.test.classCounts == [8, 8, 8])
    #expect(!iris.hasOwnTestSplit)
    #expect(iris.preprocessing.scaling == .standardize)
  }

  @Test func wineShapeAndClasses() throws {
    let wine = try Shared.builtin(.wine)
    #expect(wine.featureCount == 13)
    #expect(wine.classNames == ["class_0", "class_1", "class_2"])
    let total = zip(zip(wine.train.classCounts, wine.validation.classCounts), wine.test.classCounts)
      .map { $0.0 + $0.1 + $1 }
    #expect(total == [59, 71, 48])  // README: 59, 71, 48 rows
    // round(0.15 · 59) = 9, round(0.15 · 71) = 11, round(0.15 · 48) = 7.
    #expect(wine.test.classCounts == [9, 11, 7])
    #expect(wine.validation.classCounts == [9, 11, 7])
  }

  @Test func digitsShapeAndClasses() throws {
    let digits = try Shared.builtin(.digits)
    #expect(digits.featureCount == 64)
    #expect(digits.imageShape == ImageShape(height: 8, width: 8))
    let total = zip(zip(digits.train.classCounts, digits.validation.classCounts), digits.test.classCounts)
      .map { $0.0 + $0.1 + $1 }
    #expect(total == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])  // README counts
    #expect(digits.preprocessing.statistics.maximum.max() == 16)  // features are 0...16
  }

  @Test func diabetesIsRegression() throws {
    let diabetes = try Shared.builtin(.diabetes)
    #expect(diabetes.task == .regression(outputs: 1))
    #expect(diabetes.featureCount == 10)
    #expect(diabetes.train.classCounts.isEmpty)
    #expect(diabetes.train.count + diabetes.validation.count + diabetes.test.count == 442)
    // One stratum: round(442 · 0.15) = 66 validation and 66 test.
    #expect(diabetes.validation.count == 66)
    #expect(diabetes.test.count == 66)
    let all = diabetes.train.targets + diabetes.validation.targets + diabetes.test.targets
    #expect(all.min() == 25)  // README: target range 25..346
    #expect(all.max() == 346)
    var batch = Batch()
    diabetes.train.fill(&batch, indices: [0, 1, 2][...])
    #expect(batch.targets.shape == [3, 1])
    #expect(batch.labels.isEmpty)
    #expect(batch.inputs.shape == [3, 10])
  }

  @Test func firstIrisRowIsStandardised() throws {
    let iris = try Shared.builtin(.iris)
    // Row 0 of iris.csv: 5.1,3.5,1.4,0.2 (class setosa); it is in one of the three splits.
    let stats = iris.preprocessing.statistics
    var batch = Batch()
    for split in [iris.train, iris.validation, iris.test] {
      guard let position = split.rows.firstIndex(of: 0) else { continue }
      split.fill(&batch, indices: [position][...])
      let raw: [Double] = [5.1, 3.5, 1.4, 0.2]
      for j in 0..<4 {
        let expected = (Double(Float(raw[j])) - stats.mean[j]) / stats.standardDeviation[j]
        #expect(abs(Double(batch.inputs.storage[j]) - expected) < 1e-5)
      }
      #expect(batch.labels == [0])
    }
  }

  @Test func namesResolveCaseInsensitively() {
    #expect(DatasetSource(argument: "MNIST") == .builtin(.mnist))
    #expect(DatasetSource(argument: "iris") == .builtin(.iris))
    #expect(DatasetSource(argument: "data/my.csv") == .path("data/my.csv"))
  }

  @Test func listingShowsEveryBuiltin() {
    let listing = BuiltinDataset.listing()
    let lines = listing.split(separator: "\n").map(String.init)
    #expect(lines.count == 6)
    #expect(lines[0].hasPrefix("name"))
    #expect(lines[1].hasPrefix("mnist"))
    #expect(lines[1].contains("60000 train + 10000 test"))
    #expect(lines[1].contains("784 (28x28)"))
    #expect(lines[2].contains("3 (setosa, versicolor, virginica)"))
    #expect(lines[5].hasPrefix("diabetes"))
    #expect(lines[5].contains("regression"))
    let rows = BuiltinDataset.listingRows()
    #expect(rows.count == 6 && rows.allSatisfy { $0.count == 5 })
  }

  @Test func builtinInfoMatchesLoadedData() throws {
    for builtin in BuiltinDataset.allCases where builtin != .mnist {
      let dataset = try Shared.builtin(builtin)
      #expect(dataset.featureCount == builtin.featureCount)
      #expect(dataset.task == builtin.task)
      #expect(dataset.train.count + dataset.validation.count + dataset.test.count == builtin.sampleCounts.train)
    }
  }
}
