import Search
import Training

/// The trials table's order and cells: pure functions of the snapshot, shared by the pane that
/// draws it and the keys that move through it.
public enum TrialsTable {
  /// The trials in the order of `sort` (`descending` reverses it); ties keep trial number order.
  /// The metric column puts the better values first (by the search's direction), missing ones last.
  public static func rows(_ snapshot: SearchSnapshot, sort: TrialsSort, descending: Bool) -> [Trial] {
    let direction = snapshot.study.direction
    let trials = snapshot.study.trials
    let sorted = trials.sorted { a, b in
      switch compare(a, b, sort: sort, direction: direction) {
      case .some(let before): return descending ? !before : before
      case .none: return a.number < b.number
      }
    }
    return sorted
  }

  /// Whether `a` goes before `b` by `sort`, or nil when they tie.
  private static func compare(_ a: Trial, _ b: Trial, sort: TrialsSort, direction: SearchDirection) -> Bool? {
    switch sort {
    case .number: return a.number == b.number ? nil : a.number < b.number
    case .state: return rank(a.state) == rank(b.state) ? nil : rank(a.state) < rank(b.state)
    case .epochs: return a.epochs == b.epochs ? nil : a.epochs < b.epochs
    case .metric:
      switch (metric(a, direction), metric(b, direction)) {
      case (let x?, let y?): return x == y ? nil : direction.isBetter(x, than: y)
      case (.some, .none): return true
      case (.none, .some): return false
      case (.none, .none): return nil
      }
    case .parameter(let name):
      switch (a.parameters[name], b.parameters[name]) {
      case (let x?, let y?):
        if x == y { return nil }
        if let p = x.number, let q = y.number { return p < q }
        return x.description < y.description
      default: return nil
      }
    }
  }

  /// Running trials first, then complete, pruned, failed.
  private static func rank(_ state: TrialState) -> Int {
    switch state {
    case .running: 0
    case .complete: 1
    case .pruned: 2
    case .failed: 3
    }
  }

  /// The table's metric: a finished trial's objective, else the best value it reported so far.
  public static func metric(_ trial: Trial, _ direction: SearchDirection) -> Double? {
    if let objective = trial.objective, !objective.isNaN { return objective }
    return direction.best(Array(trial.intermediate.values))
  }

  /// A parameter's value as the table and the charts write it: numbers to 3 significant digits.
  public static func text(_ value: ParameterValue?) -> String {
    guard let value else { return "-" }
    return value.number.map { Format.compact($0, significantDigits: 3) } ?? value.description
  }
}
