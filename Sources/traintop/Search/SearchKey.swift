import ArgumentParser
import Search
import Training

/// The settings of a search itself (not of its trials): `--name` on `traintop search` and `name`
/// in a search file. Every other key of a search file is a `train` option, the fixed part of each trial.
enum SearchKey: String, CaseIterable {
  case trials, strategy, metric, objective, parallel, pruner
  /// The `[space]` table; on the command line, `--vary` and `--space FILE`.
  case space

  /// `--trials`.
  var flag: String { "--" + rawValue }

  var help: String {
    switch self {
    case .trials: "Trials to run (default: a grid's size, else 20)."
    case .strategy: "How trials are chosen: grid, random, or tpe (Bayesian, Optuna's default sampler) (default: tpe)."
    case .metric:
      "The per-epoch metric the search optimises and the pruners judge; its direction follows its name, as "
        + "early stopping's mode=auto (default: val_loss)."
    case .objective: "A trial's objective: its best or its final epoch's metric (default: best)."
    case .parallel: "Trials at once, each its own trainer on one compute thread (default: the number of cores)."
    case .pruner:
      "Stop unpromising trials after an epoch: none, median (Optuna's MedianPruner) or asha (successive "
        + "halving, reduction factor 4) (default: median, as Optuna)."
    case .space:
      "A TOML or JSON search file: a [space] table of distributions, and any search or train keys."
    }
  }
}

/// Whether a trial's objective is its best epoch or its last (`--objective`).
enum SearchObjective: String, CaseIterable, Codable, ExpressibleByArgument {
  case best
  case final
}

extension SearchStrategy: ExpressibleByArgument {}
extension PrunerKind: ExpressibleByArgument {}
