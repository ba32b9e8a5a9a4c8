extension Trainer {
  /// `--folds`: records which fold this run is and the finished folds' results, in its events and
  /// in the snapshot's `info.crossValidation` (the dashboard's folds table).
  public func noteCrossValidation(_ status: CrossValidationStatus) {
    crossValidation = status
    record(
      .crossValidationFold(
        fold: status.fold, folds: status.folds, trainRows: dataset.train.count,
        validationRows: dataset.validation.count))
    for result in status.finished {
      record(.foldResult(fold: result.fold, monitor: result.monitor, value: result.value, epochs: result.epochs))
    }
  }
}
