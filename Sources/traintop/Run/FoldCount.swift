/// `--folds`: how many cross-validation folds — a number, or one per row (`loo`).
enum FoldCount: Equatable, CustomStringConvertible {
  /// Stratified k-fold.
  case k(Int)
  /// Leave-one-out: as many folds as rows, each validating on one.
  case leaveOneOut

  /// The most folds a number may ask for (leave-one-out has no limit but the rows).
  static let limit = 100_000

  /// `5` or `loo`.
  init(parsing text: String) throws(OptionProblem) {
    if text.lowercased() == "loo" {
      self = .leaveOneOut
      return
    }
    guard let k = Int(text), k >= 2, k <= Self.limit else {
      throw OptionProblem(message: "expected a number of folds from 2 to \(Self.limit), or loo, got '\(text)'")
    }
    self = .k(k)
  }

  /// The number of folds over `rows` rows.
  func count(rows: Int) -> Int {
    switch self {
    case .k(let k): k
    case .leaveOneOut: rows
    }
  }

  var description: String {
    switch self {
    case .k(let k): "\(k)"
    case .leaveOneOut: "loo"
    }
  }
}
