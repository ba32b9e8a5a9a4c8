import Foundation

/// What `results.json` holds: how the run ended and the final test metrics with the confusion matrix.
public struct RunResults: Codable, Sendable {
  public var stopReason: String
  public var epochs: Int
  public var steps: Int
  public var bestEpoch: Int?
  public var bestValue: Double?
  public var monitor: String
  /// By name: `test_accuracy`, `test_loss`, … (classification), `test_r2`, `test_mse`, … (regression).
  public var testMetrics: [String: Double]
  public var classNames: [String]?
  /// Rows = true class, columns = predicted class (test split).
  public var confusionMatrix: [[Int]]?
}

extension Trainer {
  /// Writes `results.json` to the run directory (atomically), if logging.
  func writeResults(reason: StopReason) {
    guard let directory = runLog?.directory else { return }
    let status = earlyStopping.status
    var confusion: [[Int]]?
    if let matrix = testEvaluation?.confusion {
      confusion = (0..<matrix.classCount).map { row in
        (0..<matrix.classCount).map { column in matrix[row, column] }
      }
    }
    var names: [String]?
    if case .classification(let classNames) = dataset.task { names = classNames }
    let results = RunResults(
      stopReason: reason.rawValue, epochs: progress.epoch, steps: progress.step,
      bestEpoch: status.bestEpoch, bestValue: status.bestValue, monitor: status.monitor,
      testMetrics: Dictionary(testMetrics.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }),
      classNames: names, confusionMatrix: confusion)
    do {
      let data = try TrainingJSON.encoder(pretty: true).encode(results)
      try AtomicFile.write(data, to: directory.appendingPathComponent(RunLogFile.results.rawValue))
    } catch {
      record(.failure("results.json not written: \(error)"))
    }
  }
}
