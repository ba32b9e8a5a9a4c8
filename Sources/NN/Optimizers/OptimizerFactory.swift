import Tensor

/// A new optimizer of `kind` with `settings` and fresh state.
public func makeOptimizer(_ kind: OptimizerKind, settings: OptimizerSettings) -> any Optimizer {
  switch kind {
  case .sgd, .momentum, .nesterov: return RuleOptimizer<SGDRule>(kind: kind, settings: settings)
  case .adagrad: return RuleOptimizer<AdagradRule>(kind: kind, settings: settings)
  case .rmsprop: return RuleOptimizer<RMSPropRule>(kind: kind, settings: settings)
  case .adam, .adamw: return RuleOptimizer<AdamRule>(kind: kind, settings: settings)
  }
}

/// Builds a `kind` optimizer with `old`'s settings, carrying over the state that means the same thing.
///
/// The rule: state carries only between kinds whose update rules define it identically.
/// - Adam ↔ AdamW (and any kind to itself): everything — the step count (so bias corrections
///   continue), `exp_avg`, `exp_avg_sq`, and `max_exp_avg_sq` if AMSGrad made one.
/// - SGD+momentum ↔ Nesterov: `momentum_buffer` (both are PyTorch's `b = μ·b + d`).
/// - Everything else starts fresh (step count 0) and `old`'s state is dropped: plain SGD keeps
///   none; Adagrad's `sum` is an unweighted total; and Adam's `exp_avg_sq` is not carried into
///   RMSProp's `square_avg`: Adam's is bias-corrected at use and averages with β2 (0.999) where
///   RMSProp uses α (0.99) uncorrected, so early in a run it would mis-scale RMSProp's steps.
///
/// - Returns: the new optimizer; `carried`, the PyTorch state names it inherited (`step` when the
///   step count carried, for kinds that count steps); `reset`, the state names of `old` that were
///   dropped. Both are empty if `old` has no state yet.
public func switchOptimizer(
  from old: any Optimizer, to kind: OptimizerKind, parameters: [Parameter]
) -> (optimizer: any Optimizer, carried: [String], reset: [String]) {
  let saved = old.exportState(parameters)
  let names = stateNames(of: old, saved: saved)
  let new = makeOptimizer(kind, settings: old.settings)
  guard StateFamily(old.kind) == StateFamily(kind), !saved.isEmpty || old.stepCount > 0 else {
    return (new, [], names)
  }
  do {
    try new.importState(saved, stepCount: old.stepCount, parameters: parameters)
    return (new, names, [])
  } catch {
    // `old` was stepped on other parameters: nothing can carry.
    return (makeOptimizer(kind, settings: old.settings), [], names)
  }
}

/// The state names `old` holds: `step` (for kinds PyTorch counts) then each tensor name, in a fixed order.
private func stateNames(of old: any Optimizer, saved: [String: Tensor]) -> [String] {
  let suffixes = Set(saved.keys.compactMap { $0.split(separator: ".").last.map(String.init) })
  var names = OptimizerStateKey.allCases.map(\.rawValue).filter { suffixes.contains($0) }
  let countsSteps = ![.sgd, .momentum, .nesterov].contains(old.kind)
  if countsSteps && old.stepCount > 0 { names.insert("step", at: 0) }
  return names
}

/// Groups of kinds whose state means the same thing.
private enum StateFamily: Equatable {
  case plain, momentum, adagrad, rmsprop, adam

  init(_ kind: OptimizerKind) {
    switch kind {
    case .sgd: self = .plain
    case .momentum, .nesterov: self = .momentum
    case .adagrad: self = .adagrad
    case .rmsprop: self = .rmsprop
    case .adam, .adamw: self = .adam
    }
  }
}
