import Foundation

/// A learning rate suggested from an LR range test's curve, and the rule that chose it.
public struct LRSuggestion: Sendable, Equatable {
  /// The rules: fastai's four (`fastai.callback.schedule`) and Lightning's one (`_LRFinder.suggestion`).
  public enum Rule: String, CaseIterable, Sendable {
    /// fastai's default: about two thirds down the longest decreasing run of the curve.
    case valley
    /// fastai: where the loss falls fastest per decade of learning rate.
    case steep
    /// fastai: a tenth of the rate at the lowest loss.
    case minimum
    /// fastai: walking left from the end until the slope settles (`lr_diff` 15, `thresh` 0.005).
    case slide
    /// Lightning: the most negative `np.gradient` of the loss (unit steps), 10 points skipped at the
    /// start, 1 at the end.
    case steepest
  }

  public var rule: Rule
  /// The suggested learning rate.
  public var rate: Double

  public init(rule: Rule, rate: Double) {
    self.rule = rule
    self.rate = rate
  }

  /// Every rule's suggestion for a recorded curve of `rates` and smoothed `losses` from a sweep of
  /// `iterations` steps; a rule without enough points is left out.
  ///
  /// fastai's rules see the curve without its first `iterations / 10` and last 5 points (as `lr_find`
  /// slices it); Lightning's sees it without the first 10 and the last point, non-finite losses dropped.
  public static func all(rates: [Double], losses: [Double], iterations: Int) -> [LRSuggestion] {
    let count = min(rates.count, losses.count)
    let start = iterations / 10
    let end = count - 5
    var result: [LRSuggestion] = []
    if end - start >= 2 {
      let r = Array(rates[start..<end])
      let l = Array(losses[start..<end])
      result += [
        LRSuggestion(rule: .valley, rate: valley(r, l)), LRSuggestion(rule: .steep, rate: steep(r, l)),
        LRSuggestion(rule: .minimum, rate: minimum(r, l)),
      ]
      if let rate = slide(r, l) { result.append(LRSuggestion(rule: .slide, rate: rate)) }
    }
    if let rate = steepest(Array(rates.prefix(count)), Array(losses.prefix(count))) {
      result.append(LRSuggestion(rule: .steepest, rate: rate))
    }
    return result
  }

  /// fastai's `valley`: the longest decreasing subsequence (not necessarily contiguous), tracked as
  /// fastai's loop does it (its start is the end minus the length), then the point `⌊s⌋ + ⌊s/2⌋`
  /// after that start, `s` a third of the span.
  static func valley(_ rates: [Double], _ losses: [Double]) -> Double {
    let n = losses.count
    var lengths = [Int](repeating: 1, count: n)
    var (maxStart, maxEnd) = (0, 0)
    for i in 1..<max(1, n) {
      for j in 0..<i {
        if losses[i] < losses[j] && lengths[i] < lengths[j] + 1 { lengths[i] = lengths[j] + 1 }
        // Inside the inner loop, as in fastai: the start is taken when the length first beats the record.
        if lengths[maxEnd] < lengths[i] {
          maxEnd = i
          maxStart = maxEnd - lengths[maxEnd]
        }
      }
    }
    let sections = Double(maxEnd - maxStart) / 3
    let index = maxStart + Int(sections) + Int(sections / 2)
    // fastai's start can be -1 (a valley from the first point), and Python reads lrs[-1] as the last.
    return rates[index >= 0 ? min(index, n - 1) : max(0, n + index)]
  }

  /// fastai's `steep`: the rate at the start of the most negative `Δloss / Δln(rate)` (first on ties).
  static func steep(_ rates: [Double], _ losses: [Double]) -> Double {
    var best = 0
    var bestSlope = Double.infinity
    for i in 0..<(losses.count - 1) {
      let slope = (losses[i + 1] - losses[i]) / (log(rates[i + 1]) - log(rates[i]))
      if slope < bestSlope {
        bestSlope = slope
        best = i
      }
    }
    return rates[best]
  }

  /// fastai's `minimum`: a tenth of the rate at the lowest loss (the first lowest).
  static func minimum(_ rates: [Double], _ losses: [Double]) -> Double {
    var best = 0
    for i in losses.indices where losses[i] < losses[best] { best = i }
    return rates[best] / 10
  }

  /// fastai's `slide`: from the right end, compare the loss gradient 15 points apart and move left
  /// while they differ by more than 0.005; the rate where that stops. Nil with 15 points or fewer.
  static func slide(_ rates: [Double], _ losses: [Double], gap: Int = 15, threshold: Double = 0.005) -> Double? {
    let n = losses.count
    guard n > gap else { return nil }
    let g = gradient(losses)
    var right = n - 1
    var left = right - gap
    var suggestion = rates[left]
    while left >= 0 && abs(g[right] - g[left]) > threshold {
      suggestion = rates[left]
      right -= 1
      left -= 1
    }
    return suggestion
  }

  /// Lightning's `suggestion(skip_begin=10, skip_end=1)`: the lowest `np.gradient` of the finite
  /// losses in between, at its position in the trimmed list plus 10 (as Lightning indexes it). Nil
  /// with fewer than 2 such losses.
  static func steepest(_ rates: [Double], _ losses: [Double], skipBegin: Int = 10, skipEnd: Int = 1) -> Double? {
    guard losses.count > skipBegin + skipEnd else { return nil }
    let kept = losses[skipBegin..<(losses.count - skipEnd)].filter(\.isFinite)
    guard kept.count >= 2 else { return nil }
    let g = gradient(Array(kept))
    var best = 0
    for i in g.indices where g[i] < g[best] { best = i }
    return rates[best + skipBegin]
  }

  /// `np.gradient` with unit spacing: central differences inside, one-sided at the ends.
  static func gradient(_ values: [Double]) -> [Double] {
    let n = values.count
    guard n >= 2 else { return [Double](repeating: 0, count: n) }
    return (0..<n).map { i in
      if i == 0 { return values[1] - values[0] }
      if i == n - 1 { return values[n - 1] - values[n - 2] }
      return (values[i + 1] - values[i - 1]) / 2
    }
  }
}
