import Tensor

/// An optimizer made of an update rule: the step counter and the per-parameter states every
/// family keeps, with export and import; `Rule` does the maths.
///
/// `makeOptimizer` builds them (`RuleOptimizer<AdamRule>` is PyTorch's `Adam`/`AdamW`).
final class RuleOptimizer<Rule: OptimizerRule>: Optimizer {
  let kind: OptimizerKind
  /// Read afresh at every step.
  var settings: OptimizerSettings
  /// Steps taken (PyTorch's `step`; SGD keeps none in PyTorch, counted here for the trainer and checkpoints).
  private(set) var stepCount = 0
  private var table = StateTable<Rule.State>()

  /// A `kind` optimizer (one of `Rule.kinds`) with fresh state.
  init(kind: OptimizerKind, settings: OptimizerSettings) {
    precondition(Rule.kinds.contains(kind), "\(Rule.self) cannot run \(kind)")
    self.kind = kind
    self.settings = settings
  }

  func step(_ parameters: [Parameter]) {
    if table.align(with: parameters) { stepCount = 0 }
    stepCount += 1
    let rule = Rule(kind: kind, settings: settings, step: stepCount)
    for (index, parameter) in parameters.enumerated() where !parameter.isFrozen {
      rule.update(&parameter.value, gradient: parameter.gradient, state: &table.states[index])
    }
  }

  func exportState(_ parameters: [Parameter]) -> [String: Tensor] {
    table.export(parameters)
  }

  /// Restores the tensors `Rule.stateKeys` names; the state is unchanged if this throws.
  func importState(_ state: [String: Tensor], stepCount: Int, parameters: [Parameter]) throws {
    guard stepCount >= 0 else { throw OptimizerStateError.invalidStepCount(stepCount) }
    let keys = Rule.stateKeys(kind: kind, settings: settings, stepCount: stepCount)
    try table.restore(from: state, parameters: parameters, required: keys.required, allowed: keys.allowed)
    self.stepCount = stepCount
  }
}
