import Training

/// A column of `traintop runs`: its header, its cell text, and how `--sort` orders by it.
enum RunColumn: String, CaseIterable {
  case name, dataset, model, optimizer, epochs
  case bestValidation = "best_val"
  case test, duration, stop, parent

  /// The header cell.
  var header: String {
    switch self {
    case .bestValidation: "best val"
    case .test: "test acc/R²"
    default: rawValue
    }
  }

  /// The `--sort` names it answers to (its own, and the issue's `test_accuracy`, `test_r2`).
  static func named(_ text: String) -> RunColumn? {
    let name = text.lowercased().replacingOccurrences(of: "-", with: "_")
    if ["test_accuracy", "test_r2", "test_acc"].contains(name) { return .test }
    if ["best", "best_val_metric", "val"].contains(name) { return .bestValidation }
    return RunColumn(rawValue: name)
  }

  /// True for the columns whose best rows come first: the larger number is better (or longer).
  var sortsDescending: Bool {
    switch self {
    case .epochs, .bestValidation, .test, .duration: true
    case .name, .dataset, .model, .optimizer, .stop, .parent: false
    }
  }

  /// The cell for `run` (`-` when unknown).
  func cell(_ run: RunSummary) -> String {
    switch self {
    case .name: run.name
    case .dataset: run.dataset ?? "-"
    case .model: run.model ?? "-"
    case .optimizer: run.optimizer ?? "-"
    case .epochs: run.epochs.map(String.init) ?? "-"
    case .bestValidation: run.bestValidation.map { Format.fixed($0, decimals: 4) } ?? "-"
    case .test: run.test.map { Format.fixed($0, decimals: 4) } ?? "-"
    case .duration: run.duration.map(Format.duration) ?? "-"
    case .stop: run.problem ?? run.stopReason ?? "-"
    case .parent: run.parent ?? "-"
    }
  }

  /// The value `--sort` compares (numbers for the numeric columns; nil sorts last).
  func key(_ run: RunSummary) -> Double? {
    switch self {
    case .epochs: run.epochs.map(Double.init)
    case .bestValidation: run.bestValidation
    case .test: run.test
    case .duration: run.duration
    case .name, .dataset, .model, .optimizer, .stop, .parent: nil
    }
  }
}
