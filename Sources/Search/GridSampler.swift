import Foundation

/// Grid search: every combination of the parameters' grid values, in order (the last parameter
/// varies fastest). A range needs a point count (`points`): linearly spaced, or geometrically for a
/// log range; a whole-number range without one takes every whole number in it.
public struct GridSampler: Sendable {
  /// Each parameter's grid values, in the space's order.
  public let axes: [(name: String, values: [ParameterValue])]

  /// The most combinations a grid may have.
  public static let limit = 1_000_000

  /// The grid of `space`; throws the first parameter that has no finite list of values.
  public init(_ space: SearchSpace) throws(SearchSpaceError) {
    var axes: [(String, [ParameterValue])] = []
    var total = 1
    for parameter in space.parameters {
      guard let values = Self.values(of: parameter.distribution) else {
        throw SearchSpaceError(
          parameter: parameter.name,
          message: "a grid needs a point count for a continuous range (e.g. 1e-4..1e-1:log:4, or points = 4)")
      }
      let (product, overflow) = total.multipliedReportingOverflow(by: values.count)
      guard !overflow, product <= Self.limit else {
        throw SearchSpaceError(parameter: parameter.name, message: "the grid has more than \(Self.limit) combinations")
      }
      total = product
      axes.append((parameter.name, values))
    }
    self.axes = axes
  }

  /// The number of combinations.
  public var count: Int { axes.reduce(1) { $0 * $1.values.count } }

  /// Combination `index` (0 ..< count).
  public func combination(_ index: Int) -> [String: ParameterValue] {
    var rest = index
    var result: [String: ParameterValue] = [:]
    for axis in axes.reversed() {
      result[axis.name] = axis.values[rest % axis.values.count]
      rest /= axis.values.count
    }
    return result
  }

  /// A distribution's grid values, or nil for a continuous range without a point count.
  static func values(of distribution: Distribution) -> [ParameterValue]? {
    switch distribution {
    case .choice(let values): return values
    case .range(let low, let high, let log, let integer, let points):
      guard let points else {
        guard integer, high - low < Double(limit) else { return nil }
        return stride(from: low.rounded(.up), through: high, by: 1).map { .number($0) }
      }
      let values = (0..<points).map { i -> Double in
        let t = Double(i) / Double(points - 1)
        // As numpy's geomspace: powers of ten of evenly spaced exponents (1e-3, 1e-2, 1e-1 exactly).
        let x = log ? pow(10, log10(low) + t * (log10(high) - log10(low))) : low + t * (high - low)
        let clamped = i == 0 ? low : i == points - 1 ? high : x
        return integer ? clamped.rounded() : clamped
      }
      var seen = Set<Double>()
      return values.filter { seen.insert($0).inserted }.map { .number($0) }
    }
  }
}

/// A search-space problem, naming the parameter.
public struct SearchSpaceError: Error, Equatable, CustomStringConvertible {
  public let parameter: String
  public let message: String

  public init(parameter: String, message: String) {
    self.parameter = parameter
    self.message = message
  }

  public var description: String { "\(parameter): \(message)" }
}
