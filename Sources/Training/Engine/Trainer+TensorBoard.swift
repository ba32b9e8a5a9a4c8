import TensorBoard

/// What the trainer gives TensorBoard's event file beyond the text logs: the hyper-parameters at the
/// start, the momentum per step, and how the run ended.
extension Trainer {
  /// Opens the run's event file with the starting hyper-parameters (called once, by `init`).
  func startTensorBoard() {
    writeLog { try $0.startTensorBoard(layerNames: layerNames, hyperparameters: hyperparameters) }
  }

  /// The HParams plugin's view of the run: model, dataset, optimizer, batch size, epochs, schedule,
  /// seed and every live setting the optimizer reads or that is on (keys are the option names).
  var hyperparameters: [String: HParamValue] {
    var values: [String: HParamValue] = [
      "model": .text(configuration.model.description), "dataset": .text(dataset.name),
      "optimizer": .text(optimizer.kind.rawValue), "batch-size": .number(Double(sampler.batchSize)),
      "epochs": .number(Double(totalEpochs)), "schedule": .text(configuration.schedule.rawValue),
      "seed": .number(Double(configuration.seed)),
    ]
    for knob in Hyperparameter.allCases {
      let value = self.value(of: knob)
      if knob == .learningRate || knob.isShown(for: optimizer.kind, value: value), let value {
        values[knob.optionName] = .number(value)
      }
    }
    return values
  }

  /// The momentum for the step log, when the current optimizer reads one.
  var loggedMomentum: Double? {
    Hyperparameter.momentum.optimizers?.contains(optimizer.kind) == true ? value(of: .momentum) : nil
  }

  /// Closes the HParams session: a success unless the run diverged, failed or was interrupted.
  func endTensorBoard(reason: StopReason) {
    let succeeded: Bool
    switch reason {
    case .epochsDone, .patienceExhausted, .manual, .pruned: succeeded = failure == nil
    case .divergence, .nonFinite, .interrupted, .alert: succeeded = false
    }
    writeLog { try $0.endTensorBoard(succeeded: succeeded) }
  }
}
