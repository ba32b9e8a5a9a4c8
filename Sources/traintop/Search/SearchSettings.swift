import Foundation
import Search
import Training

/// How a search runs, resolved from flags, then the `--space` file, then the `--config` file.
struct SearchSettings: Codable, Equatable {
  /// nil: a grid's size, else 20.
  var trials: Int?
  var strategy = SearchStrategy.tpe
  var metric = EarlyStoppingMonitor.validationLoss
  var objective = SearchObjective.best
  var parallel = max(1, ProcessInfo.processInfo.activeProcessorCount)
  var pruner = PrunerKind.median
  /// The sampler's seed (the trials' `--seed`).
  var seed: UInt64 = 42
  /// `--folds`: each trial cross-validated, its objective the folds' mean.
  var folds: String?

  /// The most trials and parallel trials a search takes.
  static let trialLimit = 100_000
  static let parallelLimit = 64

  /// The direction the metric's name implies (early stopping's `mode=auto`).
  var direction: SearchDirection { metric.automaticMode == .max ? .maximize : .minimize }

  /// Sets `key` from `value` (a flag's or a file's), naming `origin` in any error.
  mutating func set(_ key: SearchKey, _ value: Any, origin: String) throws {
    let fail = { (message: String) in CLIError.usage("\(origin): \(key.rawValue): \(message)") }
    func choice<T: RawRepresentable & CaseIterable>(_: T.Type) throws -> T where T.RawValue == String {
      guard let text = value as? String, let parsed = T(rawValue: text.lowercased()) else {
        throw fail("expected \(T.allCases.map(\.rawValue).joined(separator: ", ")), got \(value)")
      }
      return parsed
    }
    func whole(_ range: ClosedRange<Int>) throws -> Int {
      guard let n = value as? Double, let whole = Int(exactly: n), range.contains(whole) else {
        throw fail("expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(value)")
      }
      return whole
    }
    switch key {
    case .trials: trials = try whole(1...Self.trialLimit)
    case .parallel: parallel = try whole(1...Self.parallelLimit)
    case .strategy: strategy = try choice(SearchStrategy.self)
    case .objective: objective = try choice(SearchObjective.self)
    case .pruner: pruner = try choice(PrunerKind.self)
    case .metric:
      let monitor = try choice(EarlyStoppingMonitor.self)
      guard monitor != .validationMacroF1 else { throw fail("val_macro_f1 has no per-epoch value to search on") }
      metric = monitor
    case .space: break
    }
  }
}
