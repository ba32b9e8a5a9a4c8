import NN

extension Trainer {
  /// Feeds a finished step to the health monitor and acts on what it says.
  func watchHealth(loss: Double, norm: Double) {
    let alerts = health.observeStep(
      step: progress.step, loss: loss, norm: norm, layerSquares: engine.layerSquares, layerNames: layerNames)
    raise(alerts)
  }

  /// Feeds an epoch end (its metrics row, and whether a validation split exists) to the monitor.
  func watchHealth(_ metrics: EpochMetrics, hasValidation: Bool) {
    let alerts = health.observeEpoch(
      epoch: metrics.epoch, trainLoss: metrics.trainLoss,
      validationLoss: hasValidation ? metrics.validationLoss : nil,
      deadUnits: health.watchesDeadUnits ? model.deadUnitCounts() : [])
    raise(alerts)
  }

  /// Records each alert as an event, then does what `--on-alert` says for its kind.
  func raise(_ alerts: [HealthAlert]) {
    for alert in alerts {
      let action = health.settings.action(for: alert.kind)
      record(.alert(alert, action: action), source: .alert)
      act(action, on: alert.kind)
    }
  }

  /// `pause` pauses (as `:run` does when its budget is spent), `stop` stops, `lr*F` scales the rate
  /// through the ordinary command (an event, and undoable with `u`).
  func act(_ action: AlertAction, on kind: AlertKind) {
    switch action {
    case .none: break
    case .pause: pauseByItself(because: "\(kind.title) alert")
    case .stop:
      guard stopReason == nil else { return }
      stopReason = .alert
      record(.stopRequested(.alert), source: .alert)
    case .scaleLearningRate(let factor): apply(.scaleLearningRate(factor), source: .alert)
    }
  }
}
