import Testing

@testable import NN
@testable import Tensor

/// `--freeze`: frozen parameters get no update from any optimizer, not even weight decay or momentum.
@Suite struct FreezeTests {
  @Test(arguments: OptimizerKind.allCases)
  func frozenLayersDoNotMove(kind: OptimizerKind) throws {
    var rng = SeededGenerator(seed: 5)
    let model = Sequential(spec: ModelSpec(sizes: [4, 6, 3]), rng: &rng)
    #expect(try model.freeze(["dense1"]) == ["dense1 6"])
    var settings = OptimizerSettings.defaults(for: kind)
    settings.weightDecay = 0.1
    let optimizer = makeOptimizer(kind, settings: settings)
    let before = model.stateTensors()
    for _ in 0..<3 {
      for parameter in model.parameters {
        for i in parameter.gradient.storage.indices { parameter.gradient.storage[i] = Float(rng.nextNormal()) }
      }
      optimizer.step(model.parameters)
    }
    let after = model.stateTensors()
    #expect(after["layers.0.weight"] == before["layers.0.weight"])
    #expect(after["layers.0.bias"] == before["layers.0.bias"])
    #expect(after["layers.2.weight"] != before["layers.2.weight"])
  }

  @Test func selectorsAreIndicesOrNamesAndUnknownOnesAreNamed() throws {
    var rng = SeededGenerator(seed: 5)
    var spec = try ModelSpec(parsing: "conv4k3p1-bn-relu-flatten-dense8-relu-dense3")
    spec.inputShape = [1, 6, 6]
    let model = Sequential(spec: spec, rng: &rng)
    #expect(try model.freeze(["1", "dense2"]) == ["bn1 4", "dense2 3"])
    #expect(model.headParameterNames == ["layers.6.weight", "layers.6.bias"])
    #expect(throws: FreezeError.self) { try model.freeze(["2"]) }  // layers.2 is a ReLU: no weights
    do {
      try model.freeze(["conv9"])
    } catch {
      #expect(
        error.description
          == "no layer with weights is 'conv9': expected an index of the model's layers (as in layers.N) or a name "
          + "(0 or conv1, 1 or bn1, 4 or dense1, 6 or dense2)")
    }
  }
}
