/// Oscillation: over the last `window` steps, the smoothed loss (an exponential moving average
/// with weight 0.1, which calms batch-to-batch noise but keeps swings that last several steps)
/// deviates from its least-squares line by a standard deviation above `ratio` times its mean, and
/// by more than the line itself moves in half the window (so a loss still falling fast, whose curve
/// a line fits badly, is not taken for a swinging one). It is judged every `window / 4` steps; it
/// fires when the ratio crosses the line and again only after it has dropped below 80 % of it.
struct OscillationDetector {
  var ratio: Double
  var window = 200
  var alpha = 0.1
  private var ring: [Double] = []
  private var next = 0
  private var smoothed: Double?
  private var sinceCheck = 0
  private var firing = false

  init(ratio: Double) {
    self.ratio = ratio
    ring.reserveCapacity(window)
  }

  /// Looks at one step's loss; an alert when the loss oscillates.
  mutating func observe(loss: Double) -> HealthAlert? {
    guard ratio > 0, loss.isFinite else { return nil }
    let level = smoothed.map { $0 + alpha * (loss - $0) } ?? loss
    smoothed = level
    if ring.count < window {
      ring.append(level)
    } else {
      ring[next] = level
      next = (next + 1) % window
    }
    sinceCheck += 1
    guard ring.count == window, sinceCheck >= window / 4 else { return nil }
    sinceCheck = 0
    let (swing, mean, slope) = residual()
    guard mean > 0 else { return nil }
    let measured = swing > abs(slope) * Double(window) / 2 ? swing / mean : 0
    if firing {
      if measured < 0.8 * ratio { firing = false }
      return nil
    }
    guard measured > ratio else { return nil }
    firing = true
    return .oscillation(swing: swing, level: mean, steps: window, threshold: ratio)
  }

  /// The standard deviation of the window around its least-squares line, its mean and the line's
  /// slope per step (oldest first).
  private func residual() -> (swing: Double, mean: Double, slope: Double) {
    let n = Double(window)
    var sumY = 0.0
    var sumXY = 0.0
    for i in 0..<window {
      let y = ring[(next + i) % window]
      sumY += y
      sumXY += Double(i) * y
    }
    let meanX = (n - 1) / 2
    let meanY = sumY / n
    let varianceX = (n * n - 1) / 12
    let slope = (sumXY / n - meanX * meanY) / varianceX
    var squares = 0.0
    for i in 0..<window {
      let fitted = meanY + slope * (Double(i) - meanX)
      let d = ring[(next + i) % window] - fitted
      squares += d * d
    }
    return ((squares / n).squareRoot(), meanY, slope)
  }
}
