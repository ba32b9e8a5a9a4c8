import Foundation
import Search
import Training

/// What a search prints: a line per finished or pruned trial (or one JSON object with `--jsonl`)
/// and a final table of the best trials.
struct SearchPrinter {
  let plan: SearchPlan
  private var writeFailureShown = false

  init(plan: SearchPlan) {
    self.plan = plan
  }

  private var metric: String { plan.settings.metric.rawValue }

  /// What is searched, how, and where the files go.
  func header(study: Study, directory: URL) {
    guard !plan.jsonl else { return }
    let s = plan.settings
    let folds = s.folds.map { ", each trial cross-validated (--folds \($0)), its objective the folds' mean" } ?? ""
    print(
      "traintop: search of \(study.trialLimit) trials, \(s.strategy.rawValue), \(s.objective.rawValue) \(metric) "
        + "(\(s.direction.rawValue)), pruner \(s.pruner.rawValue), \(s.parallel) at once\(folds); in \(directory.path)")
    for parameter in study.space.parameters {
      print("  \(parameter.name): \(SpaceParser.text(parameter.distribution))")
    }
    fflush(nil)
  }

  /// After `--resume`: what was kept and what runs again.
  func restored(_ study: Study) {
    guard !plan.jsonl else { return }
    let kept = study.trials.filter { $0.state.isFinished }.count
    let again = study.trials.count - kept
    print("traintop: resuming: \(kept) finished trials kept, \(again) interrupted run again")
  }

  /// Prints `trial`'s line, or its JSON object with `--jsonl`.
  func trial(_ trial: Trial, study: Study) {
    print(plan.jsonl ? json(trial) : line(trial, study: study))
    fflush(nil)
  }

  /// `Trial 3 complete: val_accuracy 0.9712 (best 0.9750, trial 1) - lr 0.0012, dropout 0.21 - 5 epochs, 3.2s`.
  func line(_ trial: Trial, study: Study) -> String {
    let outcome: String
    switch trial.state {
    case .complete: outcome = "complete\(trial.reason.map { " (\($0))" } ?? ""): \(objectiveText(trial))"
    case .pruned, .failed, .running: outcome = "\(trial.state.rawValue): \(trial.reason ?? "")"
    }
    let best = study.best.map { " (best \(Format.fixed($0.objective ?? .nan, decimals: 4)), trial \($0.number))" }
    return "Trial \(trial.number) \(outcome)\(trial.state == .complete ? best ?? "" : "") - \(parameters(trial)) - "
      + "\(trial.epochs) epochs, \(String(format: "%.1fs", trial.seconds))"
  }

  /// `val_accuracy 0.9712`.
  func objectiveText(_ trial: Trial) -> String {
    "\(metric) \(Format.fixed(trial.objective ?? .nan, decimals: 4))"
  }

  /// `lr 0.0012, dropout 0.21`.
  func parameters(_ trial: Trial) -> String {
    plan.space.map { entry in
      let value = trial.parameters[entry.name]
      let text = value?.number.map { Format.compact($0, significantDigits: 3) } ?? value?.description ?? "?"
      return "\(entry.name) \(text)"
    }.joined(separator: ", ")
  }

  /// One trial as a JSON object: number, state, params, objective, epochs, seconds, reason.
  func json(_ trial: Trial) -> String {
    let params = plan.space.map { entry -> String in
      let value: String
      switch trial.parameters[entry.name] {
      case .number(let x): value = HeadlessPrinter.jsonNumber(x)
      case .text(let word): value = jsonString(word)
      case nil: value = "null"
      }
      return "\(jsonString(entry.name)):\(value)"
    }
    let fields = [
      ("number", "\(trial.number)"), ("state", jsonString(trial.state.rawValue)),
      ("params", "{" + params.joined(separator: ",") + "}"),
      ("objective", trial.objective.map(HeadlessPrinter.jsonNumber) ?? "null"), ("epochs", "\(trial.epochs)"),
      ("seconds", HeadlessPrinter.jsonNumber((trial.seconds * 100).rounded() / 100)),
      ("reason", trial.reason.map(jsonString) ?? "null"),
    ]
    return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
  }

  /// `text` as a JSON string literal.
  private func jsonString(_ text: String) -> String {
    (try? JSONEncoder().encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
  }

  /// The counts by state, the ten best complete trials and each parameter's importance.
  func summary(_ study: Study, directory: URL) {
    let count = { (state: TrialState) in study.trials.filter { $0.state == state }.count }
    if plan.jsonl {
      let best = study.best.map { "\($0.number)" } ?? "null"
      let objective = study.best?.objective.map(HeadlessPrinter.jsonNumber) ?? "null"
      let importance = ParameterImportance.rank(study.trials, space: study.space).map {
        "\(jsonString($0.name)):\(HeadlessPrinter.jsonNumber($0.importance))"
      }
      print(
        "{\"complete\":\(count(.complete)),\"pruned\":\(count(.pruned)),\"failed\":\(count(.failed)),"
          + "\"best_trial\":\(best),\"best_objective\":\(objective),"
          + "\"importance\":{\(importance.joined(separator: ","))}}"
      )
      return
    }
    var lines = [
      "Search: \(study.trials.count) trials: \(count(.complete)) complete, \(count(.pruned)) pruned, "
        + "\(count(.failed)) failed" + (count(.running) > 0 ? ", \(count(.running)) interrupted" : "")
    ]
    let complete = study.trials.filter { $0.state == .complete && $0.objective != nil }.sorted {
      plan.settings.direction.isBetter($0.objective ?? .nan, than: $1.objective ?? .nan)
    }
    if !complete.isEmpty {
      lines.append("  trial  \(metric)  epochs  parameters")
      for trial in complete.prefix(10) {
        lines.append(
          "  " + "\(trial.number)".padding(toLength: 5, withPad: " ", startingAt: 0) + "  "
            + Format.fixed(trial.objective ?? .nan, decimals: 4).padding(
              toLength: metric.count, withPad: " ", startingAt: 0) + "  "
            + "\(trial.epochs)".padding(toLength: 6, withPad: " ", startingAt: 0) + "  " + parameters(trial))
      }
    }
    let importance = ParameterImportance.rank(study.trials, space: study.space)
    if !importance.isEmpty {
      lines.append(
        "Importance (|Spearman ρ| for numbers, correlation ratio η for choices): "
          + importance.map { "\($0.name) \(Format.fixed($0.importance, decimals: 2))" }.joined(separator: ", "))
    }
    if let best = study.best {
      lines.append(
        "Best: trial \(best.number), \(objectiveText(best)); "
          + "traintop train --config \(directory.appendingPathComponent(BestConfig.name).path) trains it again")
    }
    lines.append("Trials: \(directory.appendingPathComponent(TrialsFile.name).path)")
    print(lines.joined(separator: "\n"))
  }

  /// A trials.csv or best.toml write failed: said once on stderr; the search goes on.
  mutating func writeFailed(_ message: String) {
    guard !writeFailureShown else { return }
    writeFailureShown = true
    FileHandle.standardError.write(Data("traintop: cannot write the search's files: \(message)\n".utf8))
  }
}
