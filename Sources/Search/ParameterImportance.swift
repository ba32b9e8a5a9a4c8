/// How much each parameter seems to matter to the objective over the complete trials — the survey's
/// sensitivity analysis: for a number, the absolute Spearman rank correlation |ρ| between its value
/// and the objective (ties get their average rank); for a choice of words, the correlation ratio η
/// (the share of the objective's spread explained by the choice's group means, square-rooted).
/// Both lie in [0, 1]; 0 means no visible effect.
public enum ParameterImportance {
  /// Each parameter's importance, largest first; parameters seen in fewer than 3 complete trials are left out.
  public static func rank(_ trials: [Trial], space: SearchSpace) -> [(name: String, importance: Double)] {
    let complete = trials.filter { $0.state == .complete && ($0.objective.map(\.isFinite) ?? false) }
    var result: [(String, Double)] = []
    for parameter in space.parameters {
      let pairs = complete.compactMap { t in t.parameters[parameter.name].map { ($0, t.objective ?? 0) } }
      guard pairs.count >= 3 else { continue }
      let objectives = pairs.map(\.1)
      let numbers = pairs.compactMap { $0.0.number }
      let value =
        numbers.count == pairs.count
        ? abs(spearman(numbers, objectives)) : correlationRatio(pairs.map(\.0.description), objectives)
      result.append((parameter.name, value.isFinite ? value : 0))
    }
    return result.sorted { $0.1 > $1.1 }
  }

  /// Spearman's ρ: Pearson's correlation of the ranks.
  static func spearman(_ x: [Double], _ y: [Double]) -> Double {
    pearson(ranks(x), ranks(y))
  }

  /// 1-based ranks, ties given the mean of the ranks they span.
  static func ranks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var result = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
      let rank = Double(start + end) / 2 + 1
      for i in start...end { result[order[i]] = rank }
      start = end + 1
    }
    return result
  }

  static func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let (mx, my) = (x.reduce(0, +) / n, y.reduce(0, +) / n)
    var (sxy, sxx, syy) = (0.0, 0.0, 0.0)
    for (a, b) in zip(x, y) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
      syy += (b - my) * (b - my)
    }
    return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
  }

  /// η = √(between-group sum of squares / total sum of squares).
  static func correlationRatio(_ groups: [String], _ y: [Double]) -> Double {
    let mean = y.reduce(0, +) / Double(y.count)
    let total = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    guard total > 0 else { return 0 }
    var sums: [String: (sum: Double, count: Double)] = [:]
    for (g, v) in zip(groups, y) {
      sums[g, default: (0, 0)] = (sums[g, default: (0, 0)].sum + v, sums[g, default: (0, 0)].count + 1)
    }
    let between = sums.values.reduce(0) { acc, s in acc + s.count * (s.sum / s.count - mean) * (s.sum / s.count - mean)
    }
    return (between / total).squareRoot()
  }
}
