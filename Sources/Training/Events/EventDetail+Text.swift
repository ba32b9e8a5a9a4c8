import NN

extension EventDetail {
  /// The one-line English text of the event: the only place event sentences are made.
  public var message: String {
    switch self {
    case .setting(let knob, let old, let new):
      return "\(knob.label) \(knob.format(old)) → \(knob.format(new))"
    case .optimizer(let old, let new, let carried):
      let kept = carried.isEmpty ? "nothing" : carried.joined(separator: ", ")
      return "optimizer \(old.rawValue) → \(new.rawValue) (carried \(kept))"
    case .schedule(let old, let new): return "schedule \(old) → \(new)"
    case .paused: return "paused"
    case .resumed: return "resumed"
    case .singleStep: return "single step"
    case .stopRequested(let reason): return "stop requested (\(reason.rawValue))"
    case .rejected(let command, let reason): return "\(command) rejected: \(reason)"
    case .failure(let text): return text
    case .checkpointSaved(let path): return "checkpoint saved to \(path)"
    case .epochCheckpoint(let path, let removed):
      return "checkpoint saved to \(path)" + (removed.isEmpty ? "" : "; removed " + removed.joined(separator: ", "))
    case .plateau(let old, let new): return "reduce on plateau: lr \(Format.rate(old)) → \(Format.rate(new))"
    case .best(let monitor, let value): return "new best \(monitor) \(Format.compact(value, significantDigits: 5))"
    case .earlyStop(let reason, let monitor, let bestEpoch):
      return "early stop: \(reason.rawValue); best \(monitor) at epoch \(bestEpoch ?? 0)"
    case .nonFiniteSkipped(let loss, let norm, let inARow):
      return "non-finite \(Self.culprit(loss, norm)): update skipped (\(inARow) in a row)"
    case .nonFiniteStop(let loss, let norm): return "non-finite \(Self.culprit(loss, norm)): stopping"
    case .rolledBack(let old, let new):
      return "rolled back to the last good weights; lr \(Format.rate(old)) → \(Format.rate(new))"
    case .started(let model, let dataset, let parameters):
      return "training \(model) on \(dataset): \(parameters) parameters"
    case .resumedFromCheckpoint(let epoch, let step): return "resumed at epoch \(epoch + 1), step \(step)"
    case .replaying(let run, let changes):
      return "replaying \(changes) manual change\(changes == 1 ? "" : "s") of \(run) at their steps"
    case .startedFrom(let path, let step, let resetHead, let optimizer):
      return "weights from \(path)" + (step.map { " (step \($0))" } ?? "")
        + (optimizer ? " with its optimizer state" : "") + (resetHead ? "; head re-initialised" : "")
    case .restoredBest(let epoch): return "restored best weights from epoch \(epoch)"
    case .finished(let reason): return "stopped: \(reason.rawValue)"
    case .runFor(let budget): return "run \(budget.description), then pause"
    case .pauseWhen(let condition?): return "pause when \(condition.description)"
    case .pauseWhen(nil): return "pause condition cleared"
    case .autoPaused(let why): return "paused: \(why)"
    case .undone(let change, let step): return "undo \(change) (step \(step)): weights, optimizer and settings restored"
    case .lrFound(let suggestions):
      guard !suggestions.isEmpty else { return "lr-find: no suggestion (the loss diverged at once)" }
      return "lr-find: "
        + suggestions.map { "\($0.rule.rawValue) \(Format.rate($0.rate))" }.joined(separator: ", ")
    case .lrFindDiscarded: return "lr-find: result discarded"
    case .epochsChanged(let old, let new): return "epochs \(old) → \(new) (the schedule keeps its length)"
    case .dropoutChanged(let old, let new, let layers):
      return "dropout \(Format.compact(old)) → \(Format.compact(new)) (\(layers) layer\(layers == 1 ? "" : "s"))"
    case .batchSizeChanged(let old, let new, let epoch, let steps):
      return "batch size \(old) → \(new) from epoch \(epoch) (\(steps) steps per epoch)"
    case .alert(let alert, let action):
      return alert.message + (action == .none ? "" : " → \(action.description)")
    case .automaticLearningRate(let rate, let suggestions):
      let others = suggestions.filter { $0.rule != .valley }.map { "\($0.rule.rawValue) \(Format.rate($0.rate))" }
      let source =
        suggestions.contains { $0.rule == .valley } ? "lr-find's valley" : "the default (lr-find found no valley)"
      return "--lr auto: lr \(Format.rate(rate)) from \(source)"
        + (others.isEmpty ? "" : "; also " + others.joined(separator: ", "))
    case .recorded(let record): return record.message
    case .forkPoint: return "fork: a copy of this run continues beside it from here"
    case .crossValidationFold(let fold, let folds, let trainRows, let validationRows):
      return "cross-validation fold \(fold)/\(folds): training on \(trainRows) rows, validating on the "
        + "\(validationRows) held out"
    case .foldResult(let fold, let monitor, let value, let epochs):
      return "fold \(fold): \(monitor) \(Format.fixed(value, decimals: 4)) after \(epochs) epochs"
    }
  }

  /// `loss nan` or `gradient norm inf`: whichever was not finite.
  private static func culprit(_ loss: Double, _ norm: Double) -> String {
    loss.isFinite ? "gradient norm \(Format.compact(norm))" : "loss \(Format.compact(loss))"
  }
}

extension HealthAlert {
  /// `loss spike: step loss 2.31 is 7.2σ above its recent average 0.41 (alert at 6σ)`, and so on:
  /// the alert's words with its evidence.
  public var message: String {
    let c = { (x: Double) in Format.compact(x, significantDigits: 3) }
    switch self {
    case .lossSpike(let loss, let average, let sigmas, let threshold):
      return "loss spike: step loss \(c(loss)) is \(c(sigmas))σ above its recent average \(c(average)) "
        + "(alert at \(c(threshold))σ)"
    case .stall(let smoothed, let best, let steps):
      return "stall: smoothed train loss \(c(smoothed)) has not improved on \(c(best)) for \(steps) steps"
    case .explodingGradients(let norm, let median, let threshold):
      return "exploding gradients: global norm \(c(norm)) is \(c(norm / median))× its running median "
        + "\(c(median)) (alert at \(c(threshold))×)"
    case .vanishingGradients(let layer, let norm, let floor, let steps):
      return "vanishing gradients: \(layer)'s gradient norm \(c(norm)) has been below \(c(floor)) "
        + "for \(steps) steps"
    case .deadUnits(let count, let epoch, let threshold):
      return "dead units: \(count.dead) of \(count.units) units (\(Format.percent(count.fraction))) of "
        + "\(count.layer) never fired in epoch \(epoch) (alert at \(Format.percent(threshold)))"
    case .overfitting(let epochs, let validationFrom, let validationTo, let trainFrom, let trainTo):
      return "overfitting: val_loss rose \(c(validationFrom)) → \(c(validationTo)) while train loss fell "
        + "\(c(trainFrom)) → \(c(trainTo)) over \(epochs) epochs"
    case .oscillation(let swing, let level, let steps, let threshold):
      return "oscillation: smoothed loss swings ±\(c(swing)) around its trend at level \(c(level)) "
        + "(\(Format.percent(swing / level)), alert at \(Format.percent(threshold))) over \(steps) steps"
    }
  }
}
