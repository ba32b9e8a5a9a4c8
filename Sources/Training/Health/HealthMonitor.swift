import NN

/// Watches a run for the troubles `AlertKind` names and says when it sees one, with the evidence.
///
/// The trainer feeds it every finished step and every epoch end; it keeps a few hundred numbers at
/// most and allocates nothing per step once warmed up. It only reports: what an alert does is the
/// trainer's business (`HealthSettings.actions`).
struct HealthMonitor {
  let settings: HealthSettings
  private var spike: LossSpikeDetector
  private var stall: StallDetector
  private var explosion: GradientExplosionDetector
  private var vanishing: VanishingGradientDetector
  private var dead: DeadUnitDetector
  private var overfitting: OverfittingDetector
  private var oscillation: OscillationDetector
  /// How many alerts of each kind so far, and the newest kind (for the header's badge).
  private(set) var counts: [AlertKind: Int] = [:]
  private(set) var newest: AlertKind?

  init(settings: HealthSettings) {
    self.settings = settings
    spike = LossSpikeDetector(sigmas: settings.spikeSigma)
    stall = StallDetector(steps: settings.stallSteps)
    explosion = GradientExplosionDetector(factor: settings.explodeFactor)
    vanishing = VanishingGradientDetector(floor: settings.vanishFloor, steps: settings.vanishSteps)
    dead = DeadUnitDetector(fraction: settings.deadFraction)
    overfitting = OverfittingDetector(epochs: settings.overfitEpochs)
    oscillation = OscillationDetector(ratio: settings.oscillationRatio)
  }

  /// True when dead units are watched (the ReLU layers then track activity).
  var watchesDeadUnits: Bool { settings.deadFraction > 0 }

  /// Looks at one finished step: its loss, global gradient norm and per-layer squared norms.
  mutating func observeStep(
    step: Int, loss: Double, norm: Double, layerSquares: [Double], layerNames: [String]
  ) -> [HealthAlert] {
    var alerts: [HealthAlert] = []
    if let alert = spike.observe(loss: loss, step: step) { alerts.append(alert) }
    if let alert = stall.observe(loss: loss) { alerts.append(alert) }
    if let alert = explosion.observe(norm: norm, step: step) { alerts.append(alert) }
    alerts += vanishing.observe(layerSquares: layerSquares, names: layerNames)
    if let alert = oscillation.observe(loss: loss) { alerts.append(alert) }
    count(alerts)
    return alerts
  }

  /// Looks at an epoch end: its mean training loss, validation loss (nil without a validation
  /// split) and the ReLU layers' dead units over the epoch.
  mutating func observeEpoch(
    epoch: Int, trainLoss: Double, validationLoss: Double?, deadUnits: [DeadUnitCount]
  ) -> [HealthAlert] {
    var alerts = dead.observe(deadUnits, epoch: epoch)
    if let validationLoss, let alert = overfitting.observe(trainLoss: trainLoss, validationLoss: validationLoss) {
      alerts.append(alert)
    }
    count(alerts)
    return alerts
  }

  /// The header's badge: each kind seen with its count, newest first (`spike ×3`, `overfitting`).
  var badge: [AlertTally] {
    let kinds = AlertKind.allCases.filter { counts[$0] != nil }
      .sorted { ($0 == newest ? 0 : 1) < ($1 == newest ? 0 : 1) }
    return kinds.map { AlertTally(kind: $0, count: counts[$0] ?? 0) }
  }

  private mutating func count(_ alerts: [HealthAlert]) {
    for alert in alerts {
      counts[alert.kind, default: 0] += 1
      newest = alert.kind
    }
  }
}
