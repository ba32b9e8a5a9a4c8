import Foundation
import Training

/// One run directory as `traintop runs` lists it, read from its files (`config.json`,
/// `results.json`, `metrics.csv`, `events.jsonl`). A directory whose files are missing or damaged
/// is still a row, with `problem` saying what is wrong; reading never throws.
struct RunSummary: Equatable {
  /// The directory's path under the runs folder (`2026-12-03-101500-mnist`, or a search's
  /// `2026-12-03-101500-digits-search/trial-0003`).
  var name: String
  var dataset: String?
  var model: String?
  var optimizer: String?
  /// Epochs completed (rows of `metrics.csv`).
  var epochs: Int?
  /// The best validation accuracy (classification) or R² (regression) of any epoch.
  var bestValidation: Double?
  /// Test accuracy (classification) or R² (regression), once the run finished.
  var test: Double?
  /// Seconds from the first event to the last.
  var duration: Double?
  /// Why the run stopped (`epochs done`, `patience exhausted`, …); nil while it has not.
  var stopReason: String?
  /// The run `--from` started it from, with the step (`2026-…-mnist@1688`).
  var parent: String?
  /// What is wrong with the directory, if anything (`no config.json`, `damaged results.json`).
  var problem: String?

  /// Reads the run directory at `url`.
  init(directory url: URL) {
    name = url.lastPathComponent
    readConfig(url.appendingPathComponent(RunLogFile.config.rawValue))
    readResults(url.appendingPathComponent(RunLogFile.results.rawValue))
    readMetrics(url.appendingPathComponent(RunLogFile.metrics.rawValue))
    readEvents(url.appendingPathComponent(RunLogFile.events.rawValue))
    if problem == nil, stopReason == nil { problem = "unfinished (running, or killed)" }
  }

  /// Every run directory under `root` (folders holding a `config.json` or a `metrics.csv`), by name;
  /// the runs inside a search's or a cross-validation's folder too (`…-search/trial-0003`,
  /// `…-cv/fold-2`, a cross-validated trial's `trial-0003/fold-2`), named by their path under `root`.
  static func all(in root: URL) -> [RunSummary] { all(in: root, prefix: "", depth: 0) }

  /// How deep `all` looks inside folders that are not runs themselves.
  private static let nestingLimit = 2

  private static func all(in folder: URL, prefix: String, depth: Int) -> [RunSummary] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().flatMap { name -> [RunSummary] in
      let url = folder.appendingPathComponent(name)
      let files = [RunLogFile.config.rawValue, RunLogFile.metrics.rawValue]
      if files.contains(where: { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }) {
        var summary = RunSummary(directory: url)
        summary.name = prefix + name
        return [summary]
      }
      var isDirectory: ObjCBool = false
      guard depth < nestingLimit, FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return [] }
      return all(in: url, prefix: prefix + name + "/", depth: depth + 1)
    }
  }

  private mutating func note(_ text: String) {
    problem = problem.map { $0 + "; " + text } ?? text
  }

  private mutating func readConfig(_ url: URL) {
    guard let data = FileManager.default.contents(atPath: url.path) else { return note("no config.json") }
    guard let record = try? TrainingJSON.decoder().decode(RunRecord.self, from: data) else {
      return note("damaged config.json")
    }
    dataset = record.dataset.source.shortName
    model = record.trainer.model.description
    optimizer = record.trainer.optimizer.rawValue
    parent = record.parent.map { $0.run + ($0.step.map { "@\($0)" } ?? "") }
  }

  private mutating func readResults(_ url: URL) {
    guard let data = FileManager.default.contents(atPath: url.path) else { return }
    guard let results = try? TrainingJSON.decoder().decode(RunResults.self, from: data) else {
      return note("damaged results.json")
    }
    stopReason = results.stopReason
    test = results.testMetrics["test_accuracy"] ?? results.testMetrics["test_r2"]
  }

  /// Epochs and the best validation metric from `metrics.csv` (read as `--compare` reads it).
  private mutating func readMetrics(_ url: URL) {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
    guard let rows = try? ComparisonRun.parseMetrics(text, path: url.path) else { return note("damaged metrics.csv") }
    epochs = rows.count
    bestValidation = rows.map(\.validationMetric).filter(\.isFinite).max()
  }

  /// The run's wall time: the last event's time minus the first's.
  private mutating func readEvents(_ url: URL) {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
    let times = text.split(separator: "\n").compactMap { line -> Double? in
      guard let data = line.data(using: .utf8),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { return nil }
      return object["time"] as? Double
    }
    if let first = times.first, let last = times.last { duration = max(0, last - first) }
  }
}

extension RunSummary {
  /// The run's line in the dashboard's compare list (`c`): name, model, optimizer, best validation,
  /// test, epochs — or what is wrong with it.
  var pickerLine: String {
    let columns: [RunColumn] = [.name, .model, .optimizer, .bestValidation, .test, .epochs]
    let cells = columns.map { "\($0.rawValue) \($0.cell(self))" }
    return ([name] + cells.dropFirst()).joined(separator: " · ") + (problem.map { " · " + $0 } ?? "")
  }
}
