import NN
import Tensor
import TestSupport
import Testing

/// Checkpoint export/import, optimizer switching and degenerate gradients.
@Suite struct OptimizerStateTests {
  /// A kind with settings that switch on every optional state of its rule.
  static let configurations: [(OptimizerKind, OptimizerSettings)] = {
    var base = OptimizerSettings()
    base.learningRate = 0.01
    base.weightDecay = 0.01
    var amsgrad = base
    amsgrad.amsgrad = true
    var plainRMSProp = base
    plainRMSProp.momentum = 0
    var rmsprop = base
    rmsprop.centered = true
    rmsprop.momentum = 0.9
    return [
      (.sgd, base), (.momentum, base), (.nesterov, base), (.adagrad, base), (.rmsprop, plainRMSProp),
      (.rmsprop, rmsprop), (.adam, base), (.adam, amsgrad), (.adamw, base), (.adamw, amsgrad),
    ]
  }()

  /// Two parameters with dotted names (a [2, 3] weight and a [3] bias), as a model would have.
  static func makeParameters() -> [Parameter] {
    [
      Parameter(
        name: "layers.0.weight",
        value: Tensor(shape: [2, 3], storage: [0.5, -1.25, 2, 0.75, -0.3, 1.1])),
      Parameter(name: "layers.0.bias", value: Tensor([0.1, -0.2, 0.05])),
    ]
  }

  /// Gradients for step `t` (1-based): varied signs and sizes, and an exact zero.
  static func setGradients(_ parameters: [Parameter], step t: Int) {
    let scale = Float(t)
    parameters[0].gradient = Tensor(
      shape: [2, 3], storage: [0.3 * scale, -0.7, 0, 1.5 / scale, -0.02 * scale, 0.9])
    parameters[1].gradient = Tensor([-0.4 / scale, 0.25 * scale, 0.01])
  }

  @Test func exportImportRoundTripContinuesBitForBit() throws {
    for (kind, settings) in Self.configurations {
      let uninterrupted = Self.makeParameters()
      let resumed = Self.makeParameters()
      let first = makeOptimizer(kind, settings: settings)
      let second = makeOptimizer(kind, settings: settings)
      for t in 1...3 {
        Self.setGradients(uninterrupted, step: t)
        first.step(uninterrupted)
        Self.setGradients(resumed, step: t)
        second.step(resumed)
      }
      // "Checkpoint" after step 3: state and values into fresh objects.
      let saved = second.exportState(resumed)
      let restoredParameters = Self.makeParameters()
      for (target, source) in zip(restoredParameters, resumed) { target.value = source.value }
      let restored = makeOptimizer(kind, settings: settings)
      try restored.importState(saved, stepCount: second.stepCount, parameters: restoredParameters)
      #expect(restored.stepCount == 3)
      for t in 4...5 {
        Self.setGradients(uninterrupted, step: t)
        first.step(uninterrupted)
        Self.setGradients(restoredParameters, step: t)
        restored.step(restoredParameters)
      }
      for (a, b) in zip(uninterrupted, restoredParameters) {
        #expect(a.value == b.value, "\(kind) \(settings): \(a.name) after step 5")
      }
      #expect(first.exportState(uninterrupted) == restored.exportState(restoredParameters))
      #expect(saved.isEmpty == (kind == .sgd))
    }
  }

  @Test func exportUsesPyTorchNames() {
    var settings = OptimizerSettings()
    settings.amsgrad = true
    let parameters = Self.makeParameters()
    let adam = makeOptimizer(.adam, settings: settings)
    Self.setGradients(parameters, step: 1)
    adam.step(parameters)
    #expect(
      Set(adam.exportState(parameters).keys) == [
        "layers.0.weight.exp_avg", "layers.0.weight.exp_avg_sq", "layers.0.weight.max_exp_avg_sq",
        "layers.0.bias.exp_avg", "layers.0.bias.exp_avg_sq", "layers.0.bias.max_exp_avg_sq",
      ])
  }

  @Test func importRejectsMissingMisshapedAndUnexpectedTensors() throws {
    let parameters = Self.makeParameters()
    let adam = makeOptimizer(.adam, settings: OptimizerSettings())
    Self.setGradients(parameters, step: 1)
    adam.step(parameters)
    let saved = adam.exportState(parameters)
    let fresh = makeOptimizer(.adam, settings: OptimizerSettings())

    var missing = saved
    missing["layers.0.bias.exp_avg"] = nil
    #expect(throws: OptimizerStateError.missingTensor(key: "layers.0.bias.exp_avg")) {
      try fresh.importState(missing, stepCount: 1, parameters: parameters)
    }
    var misshaped = saved
    misshaped["layers.0.weight.exp_avg_sq"] = Tensor(shape: [3, 2])
    #expect(
      throws: OptimizerStateError.shapeMismatch(
        key: "layers.0.weight.exp_avg_sq", expected: [2, 3], found: [3, 2])
    ) { try fresh.importState(misshaped, stepCount: 1, parameters: parameters) }
    var unexpected = saved
    unexpected["layers.0.weight.sum"] = Tensor(shape: [2, 3])
    #expect(throws: OptimizerStateError.unexpectedTensor(key: "layers.0.weight.sum")) {
      try fresh.importState(unexpected, stepCount: 1, parameters: parameters)
    }
    #expect(throws: OptimizerStateError.invalidStepCount(-1)) {
      try fresh.importState(saved, stepCount: -1, parameters: parameters)
    }
    // AMSGrad on needs max_exp_avg_sq, which this Adam never made.
    var amsgrad = OptimizerSettings()
    amsgrad.amsgrad = true
    #expect(throws: OptimizerStateError.missingTensor(key: "layers.0.weight.max_exp_avg_sq")) {
      try makeOptimizer(.adamw, settings: amsgrad).importState(saved, stepCount: 1, parameters: parameters)
    }
    // A failed import leaves the optimizer untouched.
    #expect(fresh.stepCount == 0 && fresh.exportState(parameters).isEmpty)
    #expect(
      OptimizerStateError.missingTensor(key: "w.sum").description
        == "optimizer state: missing tensor 'w.sum'")
  }

  @Test func zeroGradientsGiveZeroUpdates() {
    for (kind, var settings) in Self.configurations {
      settings.weightDecay = 0  // decay would move the parameters by design
      let parameters = Self.makeParameters()
      let initial = parameters.map(\.value)
      let optimizer = makeOptimizer(kind, settings: settings)
      for _ in 1...3 { optimizer.step(parameters) }  // gradients are zero from Parameter.init
      for (parameter, value) in zip(parameters, initial) {
        #expect(parameter.value == value, "\(kind) \(settings)")
        #expect(parameter.value.isFinite)
      }
      for (_, state) in optimizer.exportState(parameters) { #expect(state.isFinite) }
    }
  }

  @Test func factoryBuildsEveryKind() {
    for kind in OptimizerKind.allCases {
      var settings = OptimizerSettings()
      settings.learningRate = 0.123
      let optimizer = makeOptimizer(kind, settings: settings)
      #expect(optimizer.kind == kind && optimizer.settings == settings && optimizer.stepCount == 0)
    }
  }

  @Test func changingTheParameterListStartsFreshState() {
    let parameters = Self.makeParameters()
    let adam = makeOptimizer(.adam, settings: OptimizerSettings())
    Self.setGradients(parameters, step: 1)
    adam.step(parameters)
    adam.step(parameters)
    #expect(adam.stepCount == 2)
    adam.step([parameters[0]])
    #expect(adam.stepCount == 1)
    #expect(adam.exportState([parameters[0]]).count == 2)
  }
}
