import Foundation
import Search
import Training

/// `best.toml`: the best trial as a config file that `traintop train --config best.toml` takes
/// unchanged — the search's fixed options and the trial's parameters, one `key = value` a line.
enum BestConfig {
  static let name = "best.toml"

  /// The file's text for `trial` of a search with `plan`.
  static func text(_ trial: Trial, plan: SearchPlan, objective: String) -> String {
    var values = plan.fixed
    for (name, value) in trial.parameters {
      guard let key = OptionKey(name: name) else { continue }
      values[key.name] = SpaceParser.optionValue(value, for: key)
    }
    values[OptionKey.name.name] = .string("\(plan.name)-best")
    let order = OptionKey.allCases.map(\.name)
    let lines = values.sorted { (order.firstIndex(of: $0.key) ?? 0) < (order.firstIndex(of: $1.key) ?? 0) }
      .map { "\($0.key) = \(TOMLText.value($0.value))" }
    return "# The best trial (\(trial.number)) of the search \(plan.name): \(objective).\n"
      + "# traintop train --config best.toml trains it again.\n" + lines.joined(separator: "\n") + "\n"
  }
}
