import Foundation
import Tensor

/// One side of TPE: a Parzen (kernel density) estimator over a parameter's observed values, as
/// Optuna's `_ParzenEstimator` with its defaults (`consider_prior`, `prior_weight` 1,
/// `consider_magic_clip`, no `consider_endpoints`, `default_weights`).
///
/// A range is a mixture of Gaussians truncated to the range (in log space for a log range; a
/// whole-number range widened by ½ on each side), one per observation plus a prior kernel at the
/// middle with the range's width as its σ. Each observation's σ is the larger distance to its
/// neighbours (the bounds count as neighbours, except for the outermost observations), clipped to
/// [width / min(100, 1 + kernels), width]. Choices are a mixture of categorical kernels: each puts
/// weight 1 + prior/kernels on its value and prior/kernels on every other, and the prior is uniform.
struct ParzenEstimator {
  private enum Kernels {
    case numeric(mus: [Double], sigmas: [Double], low: Double, high: Double)
    case categorical(probabilities: [[Double]], choices: [ParameterValue])
  }

  private let kernels: Kernels
  /// The mixture weights (observations by trial number, then the prior), summing to 1.
  private let weights: [Double]
  private let distribution: Distribution

  /// An estimator of `observations` (ordered by trial number, all inside `distribution`).
  init(_ observations: [ParameterValue], _ distribution: Distribution, priorWeight: Double = 1) {
    self.distribution = distribution
    let mixture = Self.defaultWeights(observations.count) + [priorWeight]
    let total = mixture.reduce(0, +)
    weights = mixture.map { $0 / total }
    switch distribution {
    case .choice(let choices):
      let n = observations.count + 1
      var rows: [[Double]] = observations.map { value in
        var row = [Double](repeating: priorWeight / Double(n), count: choices.count)
        if let index = choices.firstIndex(of: value) { row[index] += 1 }
        let sum = row.reduce(0, +)
        return row.map { $0 / sum }
      }
      rows.append([Double](repeating: 1 / Double(choices.count), count: choices.count))
      kernels = .categorical(probabilities: rows, choices: choices)
    case .range(let low, let high, let log, let integer, _):
      let (a, b) = Self.bounds(low: low, high: high, log: log, integer: integer)
      let mus = observations.compactMap(\.number).map { log ? Foundation.log($0) : $0 }
      let sigmas = Self.sigmas(mus, low: a, high: b) + [b - a]
      kernels = .numeric(mus: mus + [(a + b) / 2], sigmas: sigmas, low: a, high: b)
    }
  }

  /// Optuna's `default_weights`: 1 for each of up to 25 observations; beyond that the older ones
  /// ramp linearly from 1/n up to 1 and the newest 25 weigh 1.
  static func defaultWeights(_ n: Int) -> [Double] {
    guard n >= 25 else { return [Double](repeating: 1, count: n) }
    // numpy.linspace(1 / n, 1, num = n - 25)
    let ramp = n - 25
    let first = 1 / Double(n)
    let step: Double = ramp > 1 ? (1 - first) / Double(ramp - 1) : 0
    let rising: [Double] = (0..<ramp).map { first + Double($0) * step }
    return rising + [Double](repeating: 1, count: 25)
  }

  /// The range in the space the kernels live in.
  static func bounds(low: Double, high: Double, log: Bool, integer: Bool) -> (Double, Double) {
    let (a, b) = integer ? (log ? max(0.5, low - 0.5) : low - 0.5, high + 0.5) : (low, high)
    return log ? (Foundation.log(a), Foundation.log(b)) : (a, b)
  }

  /// Each observation's bandwidth: the larger gap to its sorted neighbours, clipped (magic clip).
  static func sigmas(_ mus: [Double], low: Double, high: Double) -> [Double] {
    guard !mus.isEmpty else { return [] }
    let order = mus.indices.sorted { mus[$0] < mus[$1] }
    let points: [Double] = [low] + order.map { mus[$0] } + [high]
    var sorted: [Double] = (1..<(points.count - 1)).map { (i: Int) -> Double in
      let left: Double = points[i] - points[i - 1]
      let right: Double = points[i + 1] - points[i]
      return max(left, right)
    }
    if points.count >= 4 {
      sorted[0] = points[2] - points[1]
      sorted[sorted.count - 1] = points[points.count - 2] - points[points.count - 3]
    }
    let maxSigma = high - low
    let minSigma = (high - low) / min(100, 1 + Double(mus.count + 1))
    var result = [Double](repeating: 0, count: mus.count)
    for (rank, index) in order.enumerated() { result[index] = min(max(sorted[rank], minSigma), maxSigma) }
    return result
  }

  /// A draw from the mixture.
  func sample(_ rng: inout SeededGenerator) -> ParameterValue {
    let component = Self.pick(weights, rng.unit())
    switch kernels {
    case .categorical(let probabilities, let choices):
      return choices[Self.pick(probabilities[component], rng.unit())]
    case .numeric(let mus, let sigmas, let low, let high):
      var x = (low + high) / 2
      for _ in 0..<1000 {
        let draw = mus[component] + sigmas[component] * rng.normal()
        if draw >= low && draw <= high {
          x = draw
          break
        }
      }
      return value(fromKernelSpace: x)
    }
  }

  /// The log density (a choice: the log probability) of `value` under the mixture.
  func logDensity(_ value: ParameterValue) -> Double {
    switch kernels {
    case .categorical(let probabilities, let choices):
      guard let index = choices.firstIndex(of: value) else { return -.infinity }
      return log(zip(weights, probabilities).reduce(0) { $0 + $1.0 * $1.1[index] })
    case .numeric(let mus, let sigmas, let low, let high):
      guard let raw = value.number else { return -.infinity }
      let terms = mus.indices.map { k in
        log(weights[k]) + logKernel(raw, mu: mus[k], sigma: sigmas[k], low: low, high: high)
      }
      guard let top = terms.max(), top > -.infinity else { return -.infinity }
      return top + log(terms.reduce(0) { $0 + exp($1 - top) })
    }
  }

  /// One truncated Gaussian's log density at `raw` (in kernel space: its log for a log range); for
  /// whole numbers the log of its mass over `raw ± ½`, as Optuna's discrete distributions.
  private func logKernel(_ raw: Double, mu: Double, sigma: Double, low: Double, high: Double) -> Double {
    let mass = Self.normalCDF((high - mu) / sigma) - Self.normalCDF((low - mu) / sigma)
    guard case .range(_, _, let isLog, let integer, _) = distribution else { return -.infinity }
    let space = { (x: Double) in isLog ? log(x) : x }
    if integer {
      let inside = Self.normalCDF((space(raw + 0.5) - mu) / sigma) - Self.normalCDF((space(raw - 0.5) - mu) / sigma)
      return log(inside) - log(mass)
    }
    let z = (space(raw) - mu) / sigma
    return -0.5 * z * z - log(sigma * (2 * Double.pi).squareRoot()) - log(mass)
  }

  private func value(fromKernelSpace x: Double) -> ParameterValue {
    guard case .range(let low, let high, let log, let integer, _) = distribution else { return .number(x) }
    var v = log ? exp(x) : x
    if integer { v = v.rounded() }
    return .number(min(high, max(low, v)))
  }

  /// Φ, the standard normal CDF.
  static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

  /// The index whose cumulative weight first exceeds `u` (weights summing to 1).
  static func pick(_ weights: [Double], _ u: Double) -> Int {
    var sum = 0.0
    for (i, w) in weights.enumerated() {
      sum += w
      if u < sum { return i }
    }
    return weights.count - 1
  }
}
