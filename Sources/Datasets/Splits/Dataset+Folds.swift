// MARK: - Cross-validation

extension Dataset {
  /// Fold `fold` of stratified `k`-fold cross-validation over the training and validation rows.
  ///
  /// The pool is the training rows (before oversampling) plus the validation rows; the fold
  /// gives the new validation split and the rest the new training split. Preprocessing is
  /// refitted on the new training rows (and applied to the unchanged test split); oversampling
  /// is re-applied if it was on. Imputed values keep the original training means.
  /// - Precondition: `0 <= fold < k` and `2 <= k <= train + validation rows`.
  public func crossValidationFold(_ fold: Int, of k: Int, seed: UInt64) -> Dataset {
    precondition(fold >= 0 && fold < k, "fold \(fold) outside 0..<\(k)")
    let block = train.block
    let pool = baseTrainRows + validation.rows
    let strata = block.strata
    let folds = stratifiedKFold(labels: pool.map { strata[$0] }, k: k, seed: seed)
    let raw = RawDataset(
      name: name, task: task, featureNames: featureNames, imageShape: imageShape, train: block, test: nil,
      file: "")
    var result = DatasetLoader.assemble(
      raw, trainRows: folds[fold].train.map { pool[$0] }, validationRows: folds[fold].validation.map { pool[$0] },
      testBlock: test.block, testRows: test.rows, options: options)
    result.hasOwnTestSplit = hasOwnTestSplit
    return result
  }
}
