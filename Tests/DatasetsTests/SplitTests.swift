import Datasets
import Foundation
import TestSupport
import Testing

@Suite struct SplitTests {
  /// 100 rows of class 0, 40 of class 1, 20 of class 2 (value = row number).
  static let text: String = {
    var text = "x,label\n"
    for i in 0..<160 { text += "\(i),\(i < 100 ? 0 : i < 140 ? 1 : 2)\n" }
    return text
  }()

  @Test func stratifiedSplitKeepsClassProportions() throws {
    let dataset = try loadCSV(Self.text) { $0.split = .standard }
    // Per class: validation = test = round(0.15 · n): 15, 6, 3; train gets the rest.
    #expect(dataset.validation.classCounts == [15, 6, 3])
    #expect(dataset.test.classCounts == [15, 6, 3])
    #expect(dataset.train.classCounts == [70, 28, 14])
    let all = dataset.train.rows + dataset.validation.rows + dataset.test.rows
    #expect(all.sorted() == Array(0..<160))
  }

  @Test func splitIsSeeded() throws {
    let a = try loadCSV(Self.text) {
      $0.split = .standard
      $0.seed = 1
    }
    let b = try loadCSV(Self.text) {
      $0.split = .standard
      $0.seed = 1
    }
    let c = try loadCSV(Self.text) {
      $0.split = .standard
      $0.seed = 2
    }
    #expect(a.test.rows == b.test.rows)
    #expect(a.test.rows != c.test.rows)
  }

  @Test func tinyClassesKeepATrainingSample() throws {
    let dataset = try loadCSV("x,label\n1,0\n2,0\n3,0\n4,0\n5,1\n") {
      $0.split = SplitFractions(train: 0.2, validation: 0.4, test: 0.4)
    }
    // Class 1 has one sample: it stays in train. Class 0: 4 · 0.4 = 1.6 → 2 and 2, trimmed to 2 + 1 so train keeps 1.
    #expect(dataset.train.classCounts == [1, 1])
    #expect(dataset.validation.classCounts[0] + dataset.test.classCounts[0] == 3)
  }

  @Test func kFoldCoversEveryIndexOnceAndIsStratified() {
    let labels: [Int] = (0..<160).map { $0 < 100 ? 0 : $0 < 140 ? 1 : 2 }
    let folds = stratifiedKFold(labels: labels, k: 5, seed: 3)
    #expect(folds.count == 5)
    let validation = folds.flatMap(\.validation)
    #expect(validation.sorted() == Array(0..<160))
    for fold in folds {
      #expect(Set(fold.train).isDisjoint(with: fold.validation))
      #expect(fold.train.count + fold.validation.count == 160)
      let counts = (0..<3).map { c in fold.validation.filter { labels[$0] == c }.count }
      #expect(counts == [20, 8, 4])  // 100/5, 40/5, 20/5
    }
    #expect(stratifiedKFold(labels: labels, k: 5, seed: 3).map(\.validation) == folds.map(\.validation))
    #expect(stratifiedKFold(labels: labels, k: 5, seed: 4).map(\.validation) != folds.map(\.validation))
  }

  @Test func kFoldSizesDifferByAtMostOne() {
    let labels: [Int32] = [0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 1]
    let sizes = stratifiedKFold(labels: labels, k: 3, seed: 0).map(\.validation.count)
    #expect(sizes.reduce(0, +) == 11)
    #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
  }

  @Test func crossValidationFoldRefitsOnTheFoldTrainingRows() throws {
    let dataset = try loadCSV(Self.text) {
      $0.split = .standard
      $0.scaling = .standardize
    }
    let pool = Set(dataset.train.rows + dataset.validation.rows)
    var seen: [Int] = []
    for i in 0..<4 {
      let fold = dataset.crossValidationFold(i, of: 4, seed: 9)
      #expect(Set(fold.train.rows + fold.validation.rows) == pool)
      #expect(fold.test.rows == dataset.test.rows)
      let mean = Double(fold.train.rows.reduce(0, +)) / Double(fold.train.count)  // x = row number
      #expect(abs(fold.preprocessing.statistics.mean[0] - mean) < 1e-9)
      #expect(fold.test.preprocessing == fold.preprocessing)
      seen += fold.validation.rows
    }
    #expect(seen.sorted() == pool.sorted())
  }

  @Test func oversamplingRepeatsMinorityRowsOnly() throws {
    let dataset = try loadCSV(Self.text) {
      $0.split = .standard
      $0.oversample = true
    }
    #expect(dataset.train.classCounts == [70, 70, 70])
    #expect(dataset.validation.classCounts == [15, 6, 3])  // untouched
    // Extra rows are repeats of the class's own training rows, spread evenly (each 2 or 3 times for class 1).
    let unique = Set(dataset.train.rows)
    #expect(unique.count == 112)
    let counts = Dictionary(dataset.train.rows.map { ($0, 1) }, uniquingKeysWith: +)
    let classOne = counts.filter { $0.key >= 100 && $0.key < 140 }.map(\.value)
    #expect(classOne.allSatisfy { $0 == 2 || $0 == 3 })
    #expect(classOne.reduce(0, +) == 70)
  }
}
