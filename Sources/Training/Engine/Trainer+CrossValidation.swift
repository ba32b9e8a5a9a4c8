extension Trainer {
  /// `--folds`: records which fold this run is and the finished folds' results, so the dashboard's
  /// events show the cross-validation so far.
  public func noteCrossValidation(
    fold: Int, of folds: Int, finished: [(fold: Int, monitor: String, value: Double, epochs: Int)]
  ) {
    record(
      .crossValidationFold(
        fold: fold, folds: folds, trainRows: dataset.train.count, validationRows: dataset.validation.count))
    for result in finished {
      record(.foldResult(fold: result.fold, monitor: result.monitor, value: result.value, epochs: result.epochs))
    }
  }
}
