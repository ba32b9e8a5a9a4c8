import Foundation
import NN

extension Trainer {
  /// Applies every queued command, in order.
  func applyQueuedCommands() {
    for (command, source) in channel.drainCommands() {
      apply(command, source: source)
    }
  }

  /// Applies one command (between two steps) and records it as an event; rejects invalid values.
  public func apply(_ command: TrainerCommand, source: CommandSource) {
    if let reason = rejection(for: command) {
      log(.rejected, "\(command.name) rejected: \(reason)", source: source)
      return
    }
    switch command {
    case .pause, .resume, .step, .stop:
      applyControl(command, source: source)
    case .setLearningRate(let change):
      applyLearningRate(change, source: source)
    case .setOptimizer(let kind):
      applyOptimizer(kind, source: source)
    case .setSchedule(let name):
      applySchedule(name, source: source)
    case .saveCheckpoint(let path):
      // Without a path: checkpoints/step-N.safetensors, so a manual save is never overwritten.
      let named = runLog?.directory.appendingPathComponent("checkpoints/step-\(progress.step).safetensors").path
      saveCheckpoint(kind: .last, to: path ?? named, announce: true, source: source)
    default:
      applySetting(command, source: source)
    }
    publish(force: true)
  }

  /// Why `command` cannot be applied, or nil if it can.
  func rejection(for command: TrainerCommand) -> String? {
    switch command {
    case .setLearningRate(.absolute(let v)) where !(v.isFinite && v > 0):
      return "learning rate must be a positive number, got \(v)"
    case .setLearningRate(.scale(let f)) where !(f.isFinite && f > 0):
      return "scale factor must be a positive number, got \(f)"
    case .setMomentum(let v) where !(v >= 0 && v < 1):
      return "momentum must be in [0, 1), got \(v)"
    case .setBeta1(let v), .setBeta2(let v):
      return (v >= 0 && v < 1) ? nil : "beta must be in [0, 1), got \(v)"
    case .setWeightDecay(let v), .setL1(let v), .setL2(let v):
      return (v.isFinite && v >= 0) ? nil : "must be a non-negative number, got \(v)"
    case .setGradientClip(let v?), .setGradientClipValue(let v?):
      return (v.isFinite && v > 0) ? nil : "clip threshold must be positive, got \(v)"
    case .setPatience(let p) where p < 0:
      return "patience must be ≥ 0, got \(p)"
    case .step where status != .paused:
      return "single step only while paused"
    default:
      return nil
    }
  }

  /// Pause, resume, single step and stop.
  func applyControl(_ command: TrainerCommand, source: CommandSource) {
    switch command {
    case .pause where status == .running:
      status = .paused
      log(.command, "paused", source: source)
    case .resume where status == .paused:
      status = .running
      log(.command, "resumed", source: source)
    case .step:
      pendingSteps += 1
      log(.command, "single step", source: source)
    case .stop(let reason):
      stopReason = reason
      log(.command, "stop requested (\(reason.rawValue))", source: source)
    default:
      break
    }
  }

  /// Sets or scales the learning rate: the schedule is rescaled so its curve continues from the new value.
  func applyLearningRate(_ change: LearningRateChange, source: CommandSource) {
    let old = schedule.rate(atStep: progress.step)
    let new: Double
    switch change {
    case .absolute(let v): new = v
    case .scale(let f): new = old * f
    }
    guard new.isFinite, new > 0, (new / max(old, .leastNormalMagnitude)).isFinite else {
      log(.rejected, "lr rejected: \(formatRate(old)) → \(new) is not a usable rate", source: source)
      return
    }
    schedule.rescale(to: new, atStep: progress.step)
    optimizer.settings.learningRate = new
    learningRateChanges.append(progress.step)
    log(
      .command, "lr \(formatRate(old)) → \(formatRate(new))", source: source,
      oldValue: formatRate(old), newValue: formatRate(new))
  }

  /// Switches optimizer kind, carrying over the state that means the same thing.
  func applyOptimizer(_ kind: OptimizerKind, source: CommandSource) {
    let old = optimizer.kind
    guard kind != old else { return }
    let switched = switchOptimizer(from: optimizer, to: kind, parameters: model.parameters)
    optimizer = switched.optimizer
    let carried = switched.carried.isEmpty ? "nothing" : switched.carried.joined(separator: ", ")
    log(
      .command, "optimizer \(old.rawValue) → \(kind.rawValue) (carried \(carried))",
      source: source, oldValue: old.rawValue, newValue: kind.rawValue)
  }

  /// Switches the schedule, keeping the current rate as the new schedule's base.
  func applySchedule(_ name: ScheduleName, source: CommandSource) {
    let oldDescription = schedule.description
    let rate = schedule.rate(atStep: progress.step)
    schedule = LearningRateSchedule(
      name: name, baseRate: rate, stepsPerEpoch: sampler.batchesPerEpoch,
      totalEpochs: configuration.epochs, warmupEpochs: 0,
      parameters: configuration.scheduleParameters, plateau: configuration.plateau)
    schedule.rescale(to: rate, atStep: progress.step)
    log(
      .command, "schedule \(oldDescription) → \(schedule.description)", source: source,
      oldValue: oldDescription, newValue: schedule.description)
  }
}

extension TrainerCommand {
  /// The command's name as used in events and the prompt.
  public var name: String {
    switch self {
    case .pause: return "pause"
    case .resume: return "resume"
    case .step: return "step"
    case .stop: return "stop"
    case .setLearningRate: return "lr"
    case .setMomentum: return "momentum"
    case .setBeta1: return "beta1"
    case .setBeta2: return "beta2"
    case .setWeightDecay: return "wd"
    case .setL1: return "l1"
    case .setL2: return "l2"
    case .setGradientClip: return "clip"
    case .setGradientClipValue: return "clip-value"
    case .setOptimizer: return "optimizer"
    case .setSchedule: return "schedule"
    case .setPatience: return "patience"
    case .saveCheckpoint: return "save"
    }
  }
}
