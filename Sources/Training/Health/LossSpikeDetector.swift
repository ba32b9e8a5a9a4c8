/// Loss spikes: a step's loss more than `sigmas` standard deviations above its exponential moving
/// average (the variance is an exponential moving average too, as in Welford's update). It waits
/// `warmup` steps before judging, and fires at most once per `cooldown` steps.
struct LossSpikeDetector {
  var sigmas: Double
  /// The averages' weight for a new step (0.05: a memory of about 40 steps).
  var alpha = 0.05
  var warmup = 50
  var cooldown = 50
  private var mean = 0.0
  private var variance = 0.0
  private var seen = 0
  private var quietUntil = 0

  init(sigmas: Double) { self.sigmas = sigmas }

  /// Looks at step `step`'s loss; an alert when it spiked.
  mutating func observe(loss: Double, step: Int) -> HealthAlert? {
    guard sigmas > 0, loss.isFinite else { return nil }
    defer { update(loss) }
    guard seen >= warmup, step >= quietUntil else { return nil }
    let deviation = variance.squareRoot()
    guard deviation > 0, loss > mean + sigmas * deviation else { return nil }
    quietUntil = step + cooldown
    return .lossSpike(loss: loss, average: mean, sigmas: (loss - mean) / deviation, threshold: sigmas)
  }

  private mutating func update(_ loss: Double) {
    if seen == 0 { mean = loss }
    let delta = loss - mean
    mean += alpha * delta
    variance = (1 - alpha) * (variance + alpha * delta * delta)
    seen += 1
  }
}
