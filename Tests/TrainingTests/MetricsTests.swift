import Foundation
import Tensor
import TestSupport
import Testing
import Training

/// `metrics.json` (Tests/Fixtures/oracles, README section 6): scikit-learn semantics computed in numpy float64.
private struct MetricsOracle: Decodable {
  struct PerClass: Decodable {
    let precision: [Double], recall: [Double], f1: [Double]
    let support: [Int], tp: [Int], fp: [Int], fn: [Int]
  }
  struct Classification: Decodable {
    let name: String
    let n_classes: Int
    let y_true: [Int32], y_pred: [Int32]
    let accuracy: Double
    let confusion_matrix: [[Int]]
    let per_class: PerClass
    let macro_precision: Double, macro_recall: Double, macro_f1: Double
    let weighted_f1: Double, micro_f1: Double
  }
  struct Regression: Decodable {
    let name: String
    let y_true: [Double], y_pred: [Double]
    let mse: Double, mae: Double, rmse: Double, r2: Double, ss_res: Double, ss_tot: Double
  }
  let classification: [Classification]
  let regression: [Regression]
}

private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

@Suite struct MetricsTests {
  private let oracle: MetricsOracle

  init() throws { oracle = try Fixtures.oracle("metrics.json", as: MetricsOracle.self) }

  @Test func classificationMatchesOracle() throws {
    #expect(oracle.classification.count == 3)
    for c in oracle.classification {
      // Fed in two batches to exercise incremental accumulation.
      let half = c.y_true.count / 2
      var matrix = ConfusionMatrix(classCount: c.n_classes)
      matrix.add(predictions: Array(c.y_pred[..<half]), labels: Array(c.y_true[..<half]))
      matrix.add(predictions: Array(c.y_pred[half...]), labels: Array(c.y_true[half...]))
      let rows = (0..<c.n_classes).map { t in (0..<c.n_classes).map { p in matrix[t, p] } }
      #expect(rows == c.confusion_matrix, "\(c.name)")
      #expect(close(matrix.accuracy, c.accuracy), "\(c.name)")
      for k in 0..<c.n_classes {
        #expect(matrix.truePositives(of: k) == c.per_class.tp[k], "\(c.name) class \(k)")
        #expect(matrix.falsePositives(of: k) == c.per_class.fp[k], "\(c.name) class \(k)")
        #expect(matrix.falseNegatives(of: k) == c.per_class.fn[k], "\(c.name) class \(k)")
        #expect(matrix.support(of: k) == c.per_class.support[k], "\(c.name) class \(k)")
        #expect(close(matrix.precision(of: k), c.per_class.precision[k]), "\(c.name) class \(k)")
        #expect(close(matrix.recall(of: k), c.per_class.recall[k]), "\(c.name) class \(k)")
        #expect(close(matrix.f1(of: k), c.per_class.f1[k]), "\(c.name) class \(k)")
      }
      #expect(close(matrix.macroPrecision, c.macro_precision), "\(c.name)")
      #expect(close(matrix.macroRecall, c.macro_recall), "\(c.name)")
      #expect(close(matrix.macroF1, c.macro_f1), "\(c.name)")
      #expect(close(matrix.weightedF1, c.weighted_f1), "\(c.name)")
      #expect(close(matrix.microF1, c.micro_f1), "\(c.name)")
    }
  }

  @Test func logitsUseArgMax() throws {
    // Row 0: max at 2; row 1: tie between 0 and 1 → first (0); row 2: max at 1.
    let logits = Tensor(shape: [3, 3], storage: [0, 1, 5, 2, 2, -1, -3, 0.5, 0.25])
    var matrix = ConfusionMatrix(classCount: 3)
    matrix.add(logits: logits, labels: [2, 1, 1])
    #expect(matrix[2, 2] == 1 && matrix[1, 0] == 1 && matrix[1, 1] == 1)
    #expect(matrix.total == 3 && matrix.correct == 2)
    matrix.reset()
    #expect(matrix.total == 0 && matrix.accuracy == 0 && matrix.weightedF1 == 0)
  }

  @Test func regressionMatchesOracle() throws {
    #expect(oracle.regression.count == 3)
    for r in oracle.regression {
      var accumulator = RegressionAccumulator()
      let half = r.y_true.count / 2
      accumulator.add(predictions: Array(r.y_pred[..<half]), targets: Array(r.y_true[..<half]))
      accumulator.add(predictions: Array(r.y_pred[half...]), targets: Array(r.y_true[half...]))
      #expect(accumulator.sampleCount == r.y_true.count)
      #expect(close(accumulator.meanSquaredError, r.mse), "\(r.name)")
      #expect(close(accumulator.meanAbsoluteError, r.mae), "\(r.name)")
      #expect(close(accumulator.rootMeanSquaredError, r.rmse), "\(r.name)")
      #expect(close(accumulator.r2, r.r2), "\(r.name)")
      #expect(close(accumulator.residualSumOfSquares(), r.ss_res), "\(r.name)")
      #expect(close(accumulator.totalSumOfSquares(), r.ss_tot), "\(r.name)")
    }
  }

  @Test func regressionFromTensorsAveragesR2OverOutputs() {
    // Two outputs. Output 0: y = [1, 2, 3], ŷ = [1, 2, 4] → SS_res 1, SS_tot 2, R² 0.5.
    // Output 1: y = [0, 0, 0], ŷ = [0, 0, 0] → constant and perfect, R² 1. Mean R² = 0.75.
    // MSE over all 6 elements = 1/6, MAE = 1/6.
    let targets = Tensor(shape: [3, 2], storage: [1, 0, 2, 0, 3, 0])
    let predictions = Tensor(shape: [3, 2], storage: [1, 0, 2, 0, 4, 0])
    var accumulator = RegressionAccumulator(outputCount: 2)
    accumulator.add(predictions: predictions, targets: targets)
    #expect(accumulator.sampleCount == 3)
    #expect(close(accumulator.r2, 0.75))
    #expect(close(accumulator.meanSquaredError, 1.0 / 6))
    #expect(close(accumulator.meanAbsoluteError, 1.0 / 6))
    #expect(accumulator.totalSumOfSquares(output: 0) == 2)
    accumulator.reset()
    #expect(accumulator.sampleCount == 0 && accumulator.r2.isNaN && accumulator.meanSquaredError.isNaN)
  }
}
