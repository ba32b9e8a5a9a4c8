import ArgumentParser
import Foundation
import Training

/// `traintop runs`: a table of the runs under a runs folder, sortable and filterable, or JSON.
struct RunsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "runs",
    abstract: "List the runs under runs/ (or --runs-dir): dataset, model, optimizer, epochs, best validation "
      + "metric, test accuracy (or R²), duration, how each ended.")

  @Option(help: "The folder holding run directories (default: runs).")
  var runsDir = "runs"

  @Option(
    help: .init(
      "Order by a column: " + RunColumn.allCases.map(\.rawValue).joined(separator: ", ")
        + " (test_accuracy and test_r2 are test); numbers best first (default: name, oldest first)."))
  var sort = "name"

  @Flag(help: "Reverse the order.")
  var reverse = false

  @Option(help: "Only the runs of this dataset (e.g. mnist).")
  var dataset: String?

  @Flag(help: "Print a JSON array, one object per run, for scripts.")
  var json = false

  func validate() throws {
    guard RunColumn.named(sort) != nil else {
      throw ValidationError(
        "--sort \(sort): expected one of " + RunColumn.allCases.map(\.rawValue).joined(separator: ", "))
    }
  }

  func run() throws {
    let root = URL(fileURLWithPath: runsDir)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw CLIError.input("\(runsDir): no such folder of runs (give --runs-dir)")
    }
    let runs = Self.ordered(
      RunSummary.all(in: root).filter { dataset == nil || $0.dataset == dataset }, by: RunColumn.named(sort) ?? .name,
      reverse: reverse)
    print(json ? try Self.json(runs) : Self.table(runs))
  }

  /// `runs` ordered by `column` (numbers best first, unknown values last; ties by name).
  static func ordered(_ runs: [RunSummary], by column: RunColumn, reverse: Bool) -> [RunSummary] {
    let sorted = runs.sorted { a, b in
      if column.sortsDescending {
        let (x, y) = (column.key(a), column.key(b))
        if x != y { return (x ?? -.infinity) > (y ?? -.infinity) }
      } else if column.cell(a) != column.cell(b) {
        return column.cell(a) < column.cell(b)
      }
      return a.name < b.name
    }
    return reverse ? sorted.reversed() : sorted
  }

  /// The runs as an aligned text table, numbers right-aligned (`no runs` when there are none).
  static func table(_ runs: [RunSummary]) -> String {
    guard !runs.isEmpty else { return "no runs" }
    let columns = RunColumn.allCases
    let rows = [columns.map(\.header)] + runs.map { run in columns.map { $0.cell(run) } }
    let widths = columns.indices.map { index in rows.map { $0[index].count }.max() ?? 0 }
    return rows.map { row in
      row.indices.map { index in
        let text = row[index]
        let padding = String(repeating: " ", count: widths[index] - text.count)
        return columns[index].sortsDescending ? padding + text : text + padding
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }.joined(separator: "\n")
  }

  /// The runs as a JSON array (numbers as numbers, absent values left out).
  static func json(_ runs: [RunSummary]) throws -> String {
    let objects: [[String: Any]] = runs.map { run in
      var object: [String: Any] = ["name": run.name]
      object["dataset"] = run.dataset
      object["model"] = run.model
      object["optimizer"] = run.optimizer
      object["epochs"] = run.epochs
      object["best_val"] = run.bestValidation
      object["test"] = run.test
      object["duration_seconds"] = run.duration
      object["stop_reason"] = run.stopReason
      object["problem"] = run.problem
      object["parent"] = run.parent
      return object
    }
    let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
