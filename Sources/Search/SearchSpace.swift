/// The searched parameters, in the order they were given (trials.csv's columns follow it).
public struct SearchSpace: Equatable, Sendable {
  /// One searched option: its name (a `train` option's long name) and its distribution.
  public struct Parameter: Equatable, Sendable {
    public var name: String
    public var distribution: Distribution

    public init(name: String, distribution: Distribution) {
      self.name = name
      self.distribution = distribution
    }
  }

  public private(set) var parameters: [Parameter]

  /// A space of `parameters`; a name given twice is the caller's error to report first.
  public init(_ parameters: [Parameter] = []) {
    self.parameters = parameters
  }

  /// The parameters' names, in order.
  public var names: [String] { parameters.map(\.name) }

  /// The distribution of `name`, if searched.
  public subscript(name: String) -> Distribution? {
    parameters.first { $0.name == name }?.distribution
  }

  /// Adds `name`, or replaces its distribution (a later file or flag naming it again).
  public mutating func set(_ name: String, to distribution: Distribution) {
    if let index = parameters.firstIndex(where: { $0.name == name }) {
      parameters[index].distribution = distribution
    } else {
      parameters.append(Parameter(name: name, distribution: distribution))
    }
  }
}
