/// The trials table's sort column; `s` steps through them in table order.
public enum TrialsSort: Sendable, Equatable {
  case number
  case state
  /// A searched parameter's value.
  case parameter(String)
  case epochs
  /// The objective of a finished trial, the best value so far of a running one.
  case metric

  /// The column after this one in table order (`parameters` are the space's names).
  public func next(parameters: [String]) -> TrialsSort {
    let order: [TrialsSort] = [.number, .state] + parameters.map(TrialsSort.parameter) + [.epochs, .metric]
    let index = order.firstIndex(of: self) ?? 0
    return order[(index + 1) % order.count]
  }

  /// The column header's name.
  public func title(metric: String) -> String {
    switch self {
    case .number: "#"
    case .state: "state"
    case .parameter(let name): name
    case .epochs: "epochs"
    case .metric: metric
    }
  }
}
