import Datasets
import Foundation
import Search
import Training

/// `traintop train --folds k|loo`: the plan trained once per fold, each fold a sub-run
/// (`fold-N/`, with its own logs) of a parent directory whose `results.json` holds every fold and
/// the mean ± standard deviation. The test split is never part of a fold.
struct CrossValidationRun {
  let plan: RunPlan
  let folds: FoldCount

  /// What `results.json` of the parent directory holds.
  struct Results: Codable {
    var folds: Int
    /// What was evaluated on what, in words.
    var evaluated: String
    var foldResults: [FoldResult]
    /// By metric name, over the finished folds.
    var summary: [String: MeanDeviation]
  }

  /// Trains every fold in turn (dashboard or headless, as a single run would) and returns the exit
  /// code: 0, or the first failing fold's (a stop by hand or a signal ends the cross-validation).
  func execute() throws -> Int32 {
    let dataset = try loadDataset(plan.dataset)
    try RunSession.requireSplits(dataset)
    let k = folds.count(rows: dataset.crossValidationPoolSize)
    if let problem = dataset.crossValidationProblem(folds: k) { throw CLIError.usage("--folds \(folds): \(problem)") }
    let parent = try makeParentDirectory()
    let evaluated = Self.evaluated(dataset, k: k, folds: folds)
    var results: [FoldResult] = []
    var code: Int32 = 0
    if !plan.jsonl { print("traintop: cross-validation in \(parent.path): \(evaluated)") }
    for fold in 0..<k {
      let data = dataset.crossValidationFold(fold, of: k, seed: plan.trainer.seed)
      let session = try RunSession.starting(
        plan, dataset: data, directory: parent.appendingPathComponent("fold-\(fold + 1)"))
      session.trainer.noteCrossValidation(
        CrossValidationStatus(
          fold: fold + 1, folds: k,
          finished: results.map {
            CrossValidationStatus.Fold(fold: $0.fold, monitor: $0.monitor, value: $0.monitorValue, epochs: $0.epochs)
          }))
      session.trainer.comparisons = results.compactMap {
        try? ComparisonRun.load(parent.appendingPathComponent("fold-\($0.fold)"))
      }
      if !plan.jsonl {
        print("Fold \(fold + 1)/\(k): train \(data.train.count) rows, validation \(data.validation.count)")
      }
      code = session.execute()
      guard let snapshot = session.channel.latest().snapshot else { break }
      let result = FoldResult(
        fold: fold + 1, snapshot: snapshot, trainRows: data.train.count, validationRows: data.validation.count)
      results.append(result)
      if plan.jsonl { print(Self.json(result)) }
      if code != 0 || result.stopReason == StopReason.manual.rawValue { break }
    }
    let summary = Self.summary(results)
    try write(Results(folds: k, evaluated: evaluated, foldResults: results, summary: summary), to: parent)
    print(plan.jsonl ? Self.json(summary) : Self.table(results, summary, k: k))
    return code
  }

  /// `runs/<time>-<name>-cv/`.
  private func makeParentDirectory() throws -> URL {
    let base = RunLog.directoryName(name: plan.name + "-cv", date: Date())
    do {
      return try RunLog.createUniqueDirectory(in: URL(fileURLWithPath: plan.runsDirectory), base: base)
    } catch {
      throw CLIError.io("\(error)")
    }
  }

  private func write(_ results: Results, to parent: URL) throws {
    do {
      let data = try TrainingJSON.encoder(pretty: true).encode(results)
      try AtomicFile.write(data, to: parent.appendingPathComponent(RunLogFile.results.rawValue))
    } catch {
      throw CLIError.io("\(parent.path)/results.json: \(error)")
    }
  }

  /// "5 stratified folds of the 1527 train + validation rows: val_ = each fold's held-out rows; …".
  static func evaluated(_ dataset: Dataset, k: Int, folds: FoldCount) -> String {
    let kind = folds == .leaveOneOut ? "leave-one-out (\(k) folds)" : "\(k) stratified folds"
    let test =
      dataset.test.count > 0
      ? "test_ = the test split (\(dataset.test.count) rows, never in a fold), by each fold's model"
      : "no test split"
    return "\(kind) of the \(dataset.crossValidationPoolSize) train + validation rows; "
      + "val_ = each fold's held-out rows; \(test)"
  }

  /// Mean ± standard deviation of every metric over the folds.
  static func summary(_ results: [FoldResult]) -> [String: MeanDeviation] {
    let names = Set(results.flatMap { $0.metrics.keys })
    return Dictionary(
      uniqueKeysWithValues: names.map { name in (name, MeanDeviation(results.compactMap { $0.metrics[name] })) })
  }

  /// The headless table: one line per fold, then mean ± std.
  static func table(_ results: [FoldResult], _ summary: [String: MeanDeviation], k: Int) -> String {
    let names = summary.keys.sorted { ($0.hasPrefix("val_") ? 0 : 1, $0) < ($1.hasPrefix("val_") ? 0 : 1, $1) }
    var lines = ["Cross-validation: \(results.count) of \(k) folds"]
    lines.append(
      "  fold  epochs  "
        + names.map { $0.padding(toLength: max(10, $0.count), withPad: " ", startingAt: 0) }.joined(separator: "  "))
    for result in results {
      let cells = names.map { name in
        Format.fixed(result.metrics[name] ?? .nan, decimals: 4).padding(
          toLength: max(10, name.count), withPad: " ", startingAt: 0)
      }
      lines.append(
        "  " + "\(result.fold)".padding(toLength: 4, withPad: " ", startingAt: 0) + "  "
          + "\(result.epochs)".padding(toLength: 6, withPad: " ", startingAt: 0) + "  " + cells.joined(separator: "  "))
    }
    lines.append(
      "  mean ± std: "
        + names.compactMap { name in
          summary[name].map { "\(name) \(Format.fixed($0.mean, decimals: 4)) ± \(Format.fixed($0.std, decimals: 4))" }
        }.joined(separator: ", "))
    return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
  }

  /// One fold as a JSON object.
  static func json(_ result: FoldResult) -> String {
    let fields =
      [("fold", "\(result.fold)"), ("epochs", "\(result.epochs)")]
      + result.metrics.sorted { $0.key < $1.key }.map { ($0.key, HeadlessPrinter.jsonNumber($0.value)) }
    return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
  }

  /// The summary as one JSON object: `{"val_accuracy_mean": …, "val_accuracy_std": …, …}`.
  static func json(_ summary: [String: MeanDeviation]) -> String {
    let fields = summary.sorted { $0.key < $1.key }.flatMap {
      [
        ("\($0.key)_mean", HeadlessPrinter.jsonNumber($0.value.mean)),
        ("\($0.key)_std", HeadlessPrinter.jsonNumber($0.value.std)),
      ]
    }
    return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
  }
}
