// MARK: - Per-class counts and scores (scikit-learn semantics, zero_division = 0)

extension ConfusionMatrix {
  /// Samples of class `c` predicted as `c`.
  public func truePositives(of c: Int) -> Int { self[c, c] }

  /// Samples of other classes predicted as `c` (column sum minus the diagonal).
  public func falsePositives(of c: Int) -> Int {
    (0..<classCount).reduce(0) { $0 + self[$1, c] } - self[c, c]
  }

  /// Samples of class `c` predicted as something else (row sum minus the diagonal).
  public func falseNegatives(of c: Int) -> Int { support(of: c) - self[c, c] }

  /// The number of samples whose true class is `c` (row sum).
  public func support(of c: Int) -> Int {
    (0..<classCount).reduce(0) { $0 + self[c, $1] }
  }

  /// `tp / (tp + fp)`, 0 when nothing was predicted as `c`.
  public func precision(of c: Int) -> Double {
    Self.ratio(truePositives(of: c), truePositives(of: c) + falsePositives(of: c))
  }

  /// `tp / (tp + fn)`, 0 when class `c` never occurs.
  public func recall(of c: Int) -> Double {
    Self.ratio(truePositives(of: c), support(of: c))
  }

  /// `2·tp / (2·tp + fp + fn)`, 0 when the denominator is 0.
  public func f1(of c: Int) -> Double {
    let tp = truePositives(of: c)
    return Self.ratio(2 * tp, 2 * tp + falsePositives(of: c) + falseNegatives(of: c))
  }

  /// The fraction of samples classified correctly (0 for an empty matrix).
  public var accuracy: Double { Self.ratio(correct, total) }

  /// The mean of per-class precision over all classes.
  public var macroPrecision: Double { macroAverage(precision(of:)) }

  /// The mean of per-class recall over all classes.
  public var macroRecall: Double { macroAverage(recall(of:)) }

  /// The mean of per-class F1 over all classes (not the harmonic mean of macro P and R).
  public var macroF1: Double { macroAverage(f1(of:)) }

  /// Per-class F1 weighted by support (0 for an empty matrix).
  public var weightedF1: Double {
    let total = self.total
    guard total > 0 else { return 0 }
    let weighted = (0..<classCount).reduce(0.0) { $0 + f1(of: $1) * Double(support(of: $1)) }
    return weighted / Double(total)
  }

  /// F1 from the summed counts of all classes; equals accuracy for single-label data.
  public var microF1: Double {
    let tp = correct
    let errors = total - tp  // every error is one false positive and one false negative
    return Self.ratio(2 * tp, 2 * tp + 2 * errors)
  }

  private func macroAverage(_ score: (Int) -> Double) -> Double {
    (0..<classCount).reduce(0.0) { $0 + score($1) } / Double(classCount)
  }

  private static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
  }
}
