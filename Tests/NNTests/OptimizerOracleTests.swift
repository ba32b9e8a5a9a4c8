import NN
import Tensor
import TestSupport
import Testing

/// Every case of optimizers.json (PyTorch 2.15, float64 reference; README §1): five steps of
/// parameters and PyTorch-named state, at `1e-5·max(1, |b|)`.
@Suite struct OptimizerOracleTests {
  @Test func everyOracleCaseMatchesPyTorch() throws {
    let file = try Fixtures.oracle("optimizers.json", as: OptimizerOracleFile.self)
    var tested = 0
    for oracleCase in file.cases {
      let steps = try run(oracleCase)
      #expect(steps == 5, "\(oracleCase.name): \(steps) steps checked")
      tested += 1
    }
    // A case that cannot be run throws above; none may be skipped (31 cases in the file: 13 rules, 13 with lr
    // halved, 3 live edits, 2 switches).
    #expect(tested == file.cases.count)
    #expect(tested == 31)
  }

  /// Runs one case step by step against its oracle; returns the number of steps checked.
  private func run(_ oracle: OptimizerOracleCase) throws -> Int {
    let parameter = Parameter(name: "p", value: tensor(oracle.initialParams))
    var optimizer = try makeInitialOptimizer(oracle)
    let settingChange = oracle.change.flatMap(OracleSettingChange.init)
    var checked = 0
    for (index, expected) in oracle.steps.enumerated() {
      let step = index + 1
      #expect(expected.step == step)
      if let settingChange, settingChange.beforeStep == step {
        try settingChange.apply(to: &optimizer.settings, kind: optimizer.kind)
      }
      if let className = expected.optimizer, try switchNeeded(optimizer, to: className) {
        optimizer = try switchedOptimizer(from: optimizer, to: className, oracle, parameter)
      }
      // Cross-check of the change parsing: the lr in effect is the oracle's lr_per_step.
      #expect(optimizer.settings.learningRate == oracle.lrPerStep[index], "\(oracle.name) step \(step)")
      parameter.gradient = tensor(oracle.grads[index])
      optimizer.step([parameter])
      compare(optimizer, parameter, with: expected, name: "\(oracle.name) step \(step)")
      checked += 1
    }
    return checked
  }

  private func makeInitialOptimizer(_ oracle: OptimizerOracleCase) throws -> any Optimizer {
    let className = oracle.steps.first?.optimizer ?? oracle.optimizer
    guard let group = oracle.hyperparameters.settings(for: className) else {
      throw OracleMappingError(description: "\(oracle.name): no settings for \(className)")
    }
    let (kind, settings) = try optimizerConfiguration(className, group)
    return makeOptimizer(kind, settings: settings)
  }

  private func switchNeeded(_ optimizer: any Optimizer, to className: String) throws -> Bool {
    switch className {
    case "Adam": return optimizer.kind != .adam
    case "AdamW": return optimizer.kind != .adamw
    default: throw OracleMappingError(description: "unexpected step optimizer \(className)")
    }
  }

  /// The README's switch: carry Adam's state into a new AdamW, or start it fresh ("EMPTY state").
  private func switchedOptimizer(
    from old: any Optimizer, to className: String, _ oracle: OptimizerOracleCase,
    _ parameter: Parameter
  ) throws -> any Optimizer {
    guard let group = oracle.hyperparameters.settings(for: className) else {
      throw OracleMappingError(description: "\(oracle.name): no settings for \(className)")
    }
    let (kind, settings) = try optimizerConfiguration(className, group)
    let fresh = oracle.change?.contains("EMPTY state") ?? false
    if fresh { return makeOptimizer(kind, settings: settings) }
    let switched = switchOptimizer(from: old, to: kind, parameters: [parameter])
    #expect(switched.carried == ["step", "exp_avg", "exp_avg_sq"])
    #expect(switched.reset.isEmpty)
    switched.optimizer.settings = settings  // AdamW's own hyper-parameters, as in the oracle
    return switched.optimizer
  }

  private func compare(
    _ optimizer: any Optimizer, _ parameter: Parameter, with expected: OracleStep, name: String
  ) {
    expectClose(parameter.value, expected.params, "\(name) params")
    let exported = optimizer.exportState([parameter])
    var tensorNames = Set<String>()
    for (key, value) in expected.state {
      switch value {
      case .number(let step):
        #expect(key == "step" && Double(optimizer.stepCount) == step, "\(name) \(key)")
      case .tensor(let values):
        tensorNames.insert("p.\(key)")
        if let actual = exported["p.\(key)"] {
          expectClose(actual, values, "\(name) \(key)")
        } else {
          Issue.record("\(name): no exported state '\(key)'")
        }
      }
    }
    #expect(Set(exported.keys) == tensorNames, "\(name): exported state names")
  }

  private func expectClose(_ actual: Tensor, _ expected: [Double], _ label: String) {
    #expect(actual.count == expected.count, "\(label): count")
    for (a, b) in zip(actual.storage, expected) where !isClose(a, b) {
      Issue.record("\(label): \(a) vs \(b) (PyTorch)")
      return
    }
  }
}
