/// Stalls: the smoothed training loss (an exponential moving average) has not gone below its best
/// by a relative `minimumImprovement` for `steps` steps. After an alert it starts counting again
/// from the current level, so a long stall is reported every `steps` steps.
struct StallDetector {
  var steps: Int
  var alpha = 0.02
  var minimumImprovement = 1e-3
  private var smoothed: Double?
  private var best = Double.infinity
  private var sinceBest = 0

  init(steps: Int) { self.steps = steps }

  /// Looks at one step's loss; an alert when the stall has lasted `steps` steps.
  mutating func observe(loss: Double) -> HealthAlert? {
    guard steps > 0, loss.isFinite else { return nil }
    let level = smoothed.map { $0 + alpha * (loss - $0) } ?? loss
    smoothed = level
    if level < best - minimumImprovement * abs(best) || !best.isFinite {
      best = level
      sinceBest = 0
      return nil
    }
    sinceBest += 1
    guard sinceBest >= steps else { return nil }
    let alert = HealthAlert.stall(smoothed: level, best: best, steps: sinceBest)
    best = level
    sinceBest = 0
    return alert
  }
}
