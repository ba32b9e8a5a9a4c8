import Foundation
import Training

/// One cross-validation fold's outcome, as `results.json` of the cross-validation lists it.
struct FoldResult: Codable, Equatable {
  /// 1-based.
  var fold: Int
  var trainRows: Int
  var validationRows: Int
  var epochs: Int
  var stopReason: String
  /// The epoch whose validation metrics are reported: early stopping's best, else the last.
  var reportedEpoch: Int
  /// Early stopping's monitor (`val_loss`, `train_loss`, …) and its best value, as the events show them.
  var monitor: String
  var monitorValue: Double
  /// `val_loss` and `val_accuracy` (or `val_r2`) at `reportedEpoch`, on the fold's held-out rows.
  var validation: [String: Double]
  /// The test split's metrics of the fold's final model.
  var test: [String: Double]

  /// Reads a finished fold's last snapshot.
  init(fold: Int, snapshot: TrainingSnapshot, trainRows: Int, validationRows: Int) {
    self.fold = fold
    self.trainRows = trainRows
    self.validationRows = validationRows
    epochs = snapshot.epochsDone
    if case .stopped(let reason) = snapshot.status { stopReason = reason.rawValue } else { stopReason = "unknown" }
    let best = snapshot.earlyStopping?.bestEpoch
    let row = snapshot.epochs.last { $0.epoch == best } ?? snapshot.epochs.last
    reportedEpoch = row?.epoch ?? 0
    monitor = snapshot.earlyStopping?.monitor ?? EarlyStoppingMonitor.validationLoss.rawValue
    monitorValue = snapshot.earlyStopping?.bestValue ?? row?.validationLoss ?? .nan
    let metric = snapshot.info.isClassification ? "val_accuracy" : "val_r2"
    validation = row.map { ["val_loss": $0.validationLoss, metric: $0.validationMetric] } ?? [:]
    test = Dictionary(snapshot.testMetrics.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
  }

  /// Every reported metric by name (validation then test).
  var metrics: [String: Double] { validation.merging(test) { a, _ in a } }
}
