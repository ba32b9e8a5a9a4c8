/// Exploding gradients: the global gradient norm above `factor` times its median over the last 200
/// steps (after 20 steps); at most once per `cooldown` steps.
struct GradientExplosionDetector {
  var factor: Double
  var warmup = 20
  var cooldown = 50
  private var median = RunningMedian(capacity: 200)
  private var quietUntil = 0

  init(factor: Double) { self.factor = factor }

  /// Looks at one step's global norm; an alert when it exploded.
  mutating func observe(norm: Double, step: Int) -> HealthAlert? {
    guard factor > 0, norm.isFinite else { return nil }
    defer { median.add(norm) }
    guard median.count >= warmup, step >= quietUntil, let typical = median.median, typical > 0,
      norm > factor * typical
    else { return nil }
    quietUntil = step + cooldown
    return .explodingGradients(norm: norm, median: typical, threshold: factor)
  }
}
