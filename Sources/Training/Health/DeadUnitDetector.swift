import NN

/// Dead units: at an epoch end, a ReLU layer whose share of never-active units reached `fraction`.
/// A layer is reported once, and again only after its share has dropped below the line.
struct DeadUnitDetector {
  var fraction: Double
  private var reported: Set<String> = []

  init(fraction: Double) { self.fraction = fraction }

  /// Looks at an epoch's counts; the alerts.
  mutating func observe(_ counts: [DeadUnitCount], epoch: Int) -> [HealthAlert] {
    guard fraction > 0 else { return [] }
    var alerts: [HealthAlert] = []
    for count in counts where count.units > 0 {
      guard count.fraction >= fraction else {
        reported.remove(count.layer)
        continue
      }
      if reported.insert(count.layer).inserted {
        alerts.append(.deadUnits(count, epoch: epoch, threshold: fraction))
      }
    }
    return alerts
  }
}
