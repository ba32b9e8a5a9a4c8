import Foundation
import TestSupport
import Testing

/// `train --folds`: one sub-run per fold, results.json with every fold and the mean ± std, and the
/// bad fold counts refused before anything is written.
@Suite struct CrossValidationEndToEndTests {
  struct Results: Decodable {
    struct Fold: Decodable {
      let fold: Int
      let trainRows: Int
      let validationRows: Int
      let epochs: Int
      let reportedEpoch: Int
      let validation: [String: Double]
      let test: [String: Double]
    }
    struct Summary: Decodable {
      let mean: Double
      let std: Double
    }
    let folds: Int
    let evaluated: String
    let foldResults: [Fold]
    let summary: [String: Summary]
  }

  @Test func threeFoldsOnIris() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    let result = try runHeadless(
      ["train", "iris", "--folds", "3", "--epochs", "4", "--runs-dir", runs.path, "--name", "cv"], in: dir)
    try #require(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("Fold 3/3: train 84 rows, validation 42"))
    #expect(result.standardOutput.contains("3 stratified folds of the 126 train + validation rows"))
    #expect(result.standardOutput.contains("mean ± std: val_accuracy "))
    let parent = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first)
    #expect(parent.hasSuffix("-cv-cv"))
    let folder = runs.appendingPathComponent(parent)
    let results = try JSONDecoder().decode(
      Results.self, from: Data(contentsOf: folder.appendingPathComponent("results.json")))
    #expect(results.folds == 3 && results.foldResults.map(\.fold) == [1, 2, 3])
    // Every pool row is validated exactly once: 3 × 42 = 126.
    #expect(results.foldResults.map(\.validationRows).reduce(0, +) == 126)
    #expect(results.foldResults.allSatisfy { $0.trainRows + $0.validationRows == 126 && $0.epochs == 4 })
    // Each fold's reported val_accuracy is the one in its own metrics.csv, at the reported epoch.
    for fold in results.foldResults {
      let csv = try String(
        contentsOf: folder.appendingPathComponent("fold-\(fold.fold)/metrics.csv"), encoding: .utf8)
      let lines = csv.split(separator: "\n")
      let header = lines[0].split(separator: ",").map(String.init)
      let column = try #require(header.firstIndex(of: "val_acc"))
      let row = lines[fold.reportedEpoch].split(separator: ",").map(String.init)
      let logged = try #require(Double(row[column]))
      #expect(abs(logged - (fold.validation["val_accuracy"] ?? .nan)) < 1e-6)
      #expect(fold.test["test_accuracy"] != nil)
    }
    // The mean and (ddof 0) deviation, by hand from the folds.
    let values = results.foldResults.compactMap { $0.validation["val_accuracy"] }
    let mean = values.reduce(0, +) / 3
    let std = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
    let summary = try #require(results.summary["val_accuracy"])
    #expect(abs(summary.mean - mean) < 1e-12 && abs(summary.std - std) < 1e-12)
  }

  @Test func leaveOneOutValidatesEachRowOnce() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    let result = try runHeadless(
      ["train", "iris", "--folds", "loo", "--epochs", "1", "--runs-dir", runs.path, "--jsonl", "--tensorboard", "off"],
      in: dir)
    try #require(result.status == 0, "\(result.standardError)")
    let parent = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first)
    let results = try JSONDecoder().decode(
      Results.self, from: Data(contentsOf: runs.appendingPathComponent("\(parent)/results.json")))
    #expect(results.folds == 126 && results.foldResults.count == 126)
    #expect(results.foldResults.allSatisfy { $0.validationRows == 1 })
    // One held-out row: its accuracy is 0 or 1.
    #expect(results.foldResults.allSatisfy { [0, 1].contains($0.validation["val_accuracy"] ?? -1) })
    #expect(
      result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("{\"fold\":") }.count == 126)
  }

  @Test func impossibleFoldCountsWriteNothing() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    let tooMany = try runHeadless(["train", "iris", "--folds", "43", "--runs-dir", runs.path], in: dir)
    #expect(tooMany.status == 64)
    #expect(tooMany.standardError.contains("--folds 43: stratified 43-fold needs at least 43 rows of every class"))
    let one = try runHeadless(["train", "iris", "--folds", "1", "--runs-dir", runs.path], in: dir)
    #expect(one.status == 64 && one.standardError.contains("expected a number of folds from 2"))
    #expect(!FileManager.default.fileExists(atPath: runs.path))
  }
}
