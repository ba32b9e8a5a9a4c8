import ArgumentParser
import Search
import Training

/// The flags of `traintop search` beyond the `train` options (which are the fixed part of every trial).
struct SearchOptions: ParsableArguments {
  @Option(name: .customLong(SearchKey.space.rawValue), help: .init(SearchKey.space.help))
  var space: String?

  @Option(
    name: .customLong("vary"),
    help: .init(
      "A searched option: NAME=LOW..HIGH (uniform), NAME=LOW..HIGH:log (log-uniform), :N after either for a "
        + "grid's point count, or NAME=a,b,c (choice); repeatable."))
  var vary: [String] = []

  @Option(name: .customLong(SearchKey.trials.rawValue), help: .init(SearchKey.trials.help))
  var trials: Int?

  @Option(name: .customLong(SearchKey.strategy.rawValue), help: .init(SearchKey.strategy.help))
  var strategy: SearchStrategy?

  @Option(name: .customLong(SearchKey.metric.rawValue), help: .init(SearchKey.metric.help))
  var metric: EarlyStoppingMonitor?

  @Option(name: .customLong(SearchKey.objective.rawValue), help: .init(SearchKey.objective.help))
  var objective: SearchObjective?

  @Option(name: .customLong(SearchKey.parallel.rawValue), help: .init(SearchKey.parallel.help))
  var parallel: Int?

  @Option(name: .customLong(SearchKey.pruner.rawValue), help: .init(SearchKey.pruner.help))
  var pruner: PrunerKind?

  /// The value given on the command line for `key`, as a file would hold it.
  func given(_ key: SearchKey) -> Any? {
    switch key {
    case .trials: trials.map(Double.init)
    case .strategy: strategy?.rawValue
    case .metric: metric?.rawValue
    case .objective: objective?.rawValue
    case .parallel: parallel.map(Double.init)
    case .pruner: pruner?.rawValue
    case .space: nil
    }
  }
}
