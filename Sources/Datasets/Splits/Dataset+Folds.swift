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

extension Dataset {
  /// The rows cross-validation divides: the training rows (before oversampling) plus the validation rows.
  public var crossValidationPoolSize: Int { baseTrainRows.count + validation.count }

  /// Why `k` folds cannot be made from this data, or nil: fewer than 2, more than the pool's rows,
  /// or (classification, stratified) more than the rows of its smallest class.
  public func crossValidationProblem(folds k: Int) -> String? {
    let pool = crossValidationPoolSize
    guard k >= 2 else { return "cross-validation needs at least 2 folds, got \(k)" }
    guard k <= pool else { return "\(k) folds need at least \(k) rows; train + validation have \(pool)" }
    guard task.isClassification, k < pool else { return nil }  // leave-one-out needs no strata
    let strata = train.block.strata
    var counts: [Int32: Int] = [:]
    for row in baseTrainRows + validation.rows { counts[strata[row], default: 0] += 1 }
    guard let (label, smallest) = counts.min(by: { ($0.value, $0.key) < ($1.value, $1.key) }), smallest < k else {
      return nil
    }
    let names = classNames
    let name = names.indices.contains(Int(label)) ? names[Int(label)] : "\(label)"
    return "stratified \(k)-fold needs at least \(k) rows of every class; class \(name) has \(smallest) "
      + "in train + validation (use at most \(smallest) folds, or --folds loo)"
  }
}
