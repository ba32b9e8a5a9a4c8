import ArgumentParser
import Foundation
import Search
import Training

/// `traintop search`: a hyper-parameter search (grid, random or TPE), its trials trained in parallel.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search hyper-parameters: grid, random or TPE trials, pruned and run in parallel.",
    discussion: """
      Each trial is a train run with the train options given here (the fixed part) and the searched \
      ones sampled from the space: --vary flags and/or a [space] table in --space FILE (or --config \
      FILE), e.g.
        [space]
        lr = { log-uniform = [1e-4, 1e-1] }
        dropout = { uniform = [0.0, 0.5], points = 3 }
        optimizer = { choice = ["adam", "sgd"] }
      The search keys (trials, strategy, metric, objective, parallel, pruner) may be in the file too; \
      flags win. TPE follows Optuna's TPESampler (10 random startup trials, 24 candidates, gamma \
      min(ceil(0.1 n), 25)); median is Optuna's MedianPruner (5 startup trials, no warm-up); asha is \
      successive halving (min resource 1 epoch, reduction factor 4). The same --seed gives the same \
      trials (with --parallel 1 for TPE, which learns from the trials finished so far).
      The search directory runs/<time>-<name>-search/ holds search.json, trials.csv (one row per \
      trial), best.toml (traintop train --config best.toml trains the best trial again) and one run \
      directory per trial. --resume DIR continues an interrupted search without rerunning finished trials \
      (--trials N there sets a new total, --parallel N a new width).
      In a terminal the trials dashboard shows the search (? lists its keys); --headless prints lines.
      Exit codes: 0 done (or the dashboard quit; --resume goes on), 64 bad options or space, 65 bad data, \
      66 missing input, 70 no trial completed, 74 cannot write, 129 terminal lost, 130/143 interrupted.
      """)

  @OptionGroup var search: SearchOptions
  @OptionGroup var options: TrainOptions

  func run() throws {
    let session: SearchSession
    if let resume = options.resume {
      try Self.checkResumeOptions(search, options)
      session = try SearchSession.resuming(
        URL(fileURLWithPath: resume), jsonl: options.jsonl, trials: search.trials, parallel: search.parallel)
    } else {
      session = try SearchSession.starting(SearchPlan(search: search, train: options))
    }
    let code = session.execute(headless: options.headless)
    if code != 0 { throw ExitCode(code) }
  }

  /// `--resume` continues the search as it was: only `--trials` (a new total) and `--parallel` may
  /// change, and `--jsonl` or `--headless` say how it prints.
  static func checkResumeOptions(_ search: SearchOptions, _ train: TrainOptions) throws {
    let kept: Set<OptionKey> = [.resume, .jsonl, .headless]
    if let key = OptionKey.allCases.first(where: { !kept.contains($0) && train.given($0) != nil }) {
      throw CLIError.usage("--resume keeps the search's fixed options; leave out \(key.flag)")
    }
    let changed = SearchKey.allCases.filter { $0 != .trials && $0 != .parallel && search.given($0) != nil }
    if let key = changed.first {
      throw CLIError.usage("--resume keeps the search's \(key.rawValue); leave out \(key.flag)")
    }
    if search.space != nil || !search.vary.isEmpty {
      throw CLIError.usage("--resume keeps the search's space; leave out --space and --vary")
    }
  }
}
