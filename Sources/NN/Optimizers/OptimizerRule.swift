import Tensor

/// One optimizer family's update: its coefficients for a step and how they move one parameter.
///
/// `RuleOptimizer` supplies what every family shares (the step counter, per-parameter states,
/// export and import); a rule supplies only its maths and which state names it keeps.
protocol OptimizerRule {
  /// One parameter's state (moments, buffers, sums).
  associatedtype State: ParameterState
  /// The kinds this rule runs.
  static var kinds: Set<OptimizerKind> { get }
  /// The rule for step `step` (1 on the first) of a `kind` optimizer, its coefficients read from `settings`.
  init(kind: OptimizerKind, settings: OptimizerSettings, step: Int)
  /// Applies one step to `value` (elementwise, in place).
  func update(_ value: inout Tensor, gradient: Tensor, state: inout State)
  /// The state names a checkpoint must hold (`required`) and may hold (`allowed`) for every
  /// parameter of a `kind` optimizer after `stepCount` steps.
  static func stateKeys(
    kind: OptimizerKind, settings: OptimizerSettings, stepCount: Int
  ) -> (required: Set<OptimizerStateKey>, allowed: Set<OptimizerStateKey>)
}

extension OptimizerRule {
  /// By default: the state's always-present tensors once a step has run; any of its tensors.
  static func stateKeys(
    kind: OptimizerKind, settings: OptimizerSettings, stepCount: Int
  ) -> (required: Set<OptimizerStateKey>, allowed: Set<OptimizerStateKey>) {
    (stepCount > 0 ? State.alwaysKeys : [], State.allKeys)
  }
}
