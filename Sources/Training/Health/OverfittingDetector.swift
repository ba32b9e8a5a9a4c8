/// Overfitting: validation loss higher and training loss lower than the epoch before, `epochs`
/// epochs in a row. It fires when the streak reaches `epochs` and again each further `epochs`.
struct OverfittingDetector {
  var epochs: Int
  private var history: [(train: Double, validation: Double)] = []
  private var streak = 0

  init(epochs: Int) { self.epochs = epochs }

  /// Looks at one epoch's losses; an alert when the streak is long enough.
  mutating func observe(trainLoss: Double, validationLoss: Double) -> HealthAlert? {
    guard epochs > 0, trainLoss.isFinite, validationLoss.isFinite else { return nil }
    if let last = history.last, validationLoss > last.validation, trainLoss < last.train {
      streak += 1
    } else {
      streak = 0
    }
    history.append((trainLoss, validationLoss))
    if history.count > epochs + 1 { history.removeFirst() }
    guard streak > 0, streak % epochs == 0 else { return nil }
    let start = history[history.count - 1 - epochs]
    return .overfitting(
      epochs: epochs, validationFrom: start.validation, validationTo: validationLoss,
      trainFrom: start.train, trainTo: trainLoss)
  }
}
