import NN
import Tensor
import TestSupport
import Testing

/// `switchOptimizer`: what carries between kinds, what resets, and what it reports.
@Suite struct OptimizerSwitchTests {
  /// An optimizer of `kind` after three steps on `parameters`.
  private func stepped(
    _ kind: OptimizerKind, _ settings: OptimizerSettings = OptimizerSettings(),
    _ parameters: [Parameter]
  ) -> any Optimizer {
    let optimizer = makeOptimizer(kind, settings: settings)
    for t in 1...3 {
      OptimizerStateTests.setGradients(parameters, step: t)
      optimizer.step(parameters)
    }
    return optimizer
  }

  @Test func adamAndAdamWCarryEverything() throws {
    var settings = OptimizerSettings()
    settings.amsgrad = true
    for (from, to) in [(OptimizerKind.adam, OptimizerKind.adamw), (.adamw, .adam)] {
      let parameters = OptimizerStateTests.makeParameters()
      let old = stepped(from, settings, parameters)
      let switched = switchOptimizer(from: old, to: to, parameters: parameters)
      #expect(switched.optimizer.kind == to)
      #expect(switched.optimizer.settings == settings)
      #expect(switched.carried == ["step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"])
      #expect(switched.reset.isEmpty)
      #expect(switched.optimizer.stepCount == 3)
      #expect(switched.optimizer.exportState(parameters) == old.exportState(parameters))
    }
  }

  @Test func momentumAndNesterovCarryTheBuffer() {
    for (from, to) in [(OptimizerKind.momentum, OptimizerKind.nesterov), (.nesterov, .momentum)] {
      let parameters = OptimizerStateTests.makeParameters()
      let old = stepped(from, OptimizerSettings(), parameters)
      let switched = switchOptimizer(from: old, to: to, parameters: parameters)
      #expect(switched.carried == ["momentum_buffer"])
      #expect(switched.reset.isEmpty)
      #expect(switched.optimizer.exportState(parameters) == old.exportState(parameters))
      #expect(switched.optimizer.exportState(parameters).count == 2)
    }
  }

  @Test func otherSwitchesReset() {
    let cases: [(OptimizerKind, OptimizerKind, [String])] = [
      (.adam, .rmsprop, ["step", "exp_avg", "exp_avg_sq"]),  // exp_avg_sq is NOT square_avg
      (.adamw, .sgd, ["step", "exp_avg", "exp_avg_sq"]),
      (.momentum, .sgd, ["momentum_buffer"]),
      (.nesterov, .adam, ["momentum_buffer"]),
      (.rmsprop, .adagrad, ["step", "square_avg"]),
      (.adagrad, .adam, ["step", "sum"]),
      (.sgd, .momentum, []),  // plain SGD has no state
    ]
    for (from, to, dropped) in cases {
      let parameters = OptimizerStateTests.makeParameters()
      let old = stepped(from, OptimizerSettings.defaults(for: from), parameters)
      let switched = switchOptimizer(from: old, to: to, parameters: parameters)
      #expect(switched.optimizer.kind == to)
      #expect(switched.carried.isEmpty, "\(from) → \(to)")
      #expect(switched.reset == dropped, "\(from) → \(to)")
      #expect(switched.optimizer.stepCount == 0)
      #expect(switched.optimizer.exportState(parameters).isEmpty)
    }
  }

  @Test func switchingBeforeAnyStepReportsNothing() {
    let parameters = OptimizerStateTests.makeParameters()
    let old = makeOptimizer(.adam, settings: OptimizerSettings())
    let switched = switchOptimizer(from: old, to: .adamw, parameters: parameters)
    #expect(switched.carried.isEmpty && switched.reset.isEmpty)
    #expect(switched.optimizer.stepCount == 0)
  }

  @Test func carriedAdamStateContinuesLikeTheOldOptimizer() {
    // With the same settings and λ = 0, Adam and AdamW are the same rule: after a switch
    // the run must continue exactly as if nothing had happened.
    let a = OptimizerStateTests.makeParameters()
    let b = OptimizerStateTests.makeParameters()
    let kept = stepped(.adam, OptimizerSettings(), a)
    let switched = switchOptimizer(
      from: stepped(.adam, OptimizerSettings(), b), to: .adamw, parameters: b
    ).optimizer
    for t in 4...5 {
      OptimizerStateTests.setGradients(a, step: t)
      kept.step(a)
      OptimizerStateTests.setGradients(b, step: t)
      switched.step(b)
    }
    for (x, y) in zip(a, b) { #expect(x.value == y.value) }
  }
}
