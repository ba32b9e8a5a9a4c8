import Testing

@testable import NN
@testable import Tensor

/// Dead-unit tracking in ReLU layers: which units were ever positive, in every memory layout.
@Suite struct DeadUnitTests {
  @Test func featuresAreMarkedOnlyInTrainingForwardsWhileTracking() {
    let relu = ReLU(units: 3)
    var rng = SeededGenerator(seed: 1)
    var output = Tensor(shape: [0])
    let input = Tensor(shape: [2, 3], storage: [-1, 2, 0, -1, -1, 0])
    relu.forward(input, into: &output, mode: .training, rng: &rng)
    #expect(relu.deadUnits == nil)  // not tracking: nothing counted
    relu.tracksActivity = true
    relu.forward(input, into: &output, mode: .evaluation, rng: &rng)
    #expect(relu.deadUnits == nil)  // evaluation passes do not count
    relu.forward(input, into: &output, mode: .training, rng: &rng)
    #expect(relu.maxima == [0, 2, 0])  // 0 is not active (the gradient there is 0)
    #expect(relu.deadUnits! == (2, 3))
    relu.forward(Tensor(shape: [1, 3], storage: [0.5, 0, 0]), into: &output, mode: .training, rng: &rng)
    #expect(relu.deadUnits! == (1, 3))
    relu.resetActivity()
    #expect(relu.deadUnits! == (3, 3))
  }

  @Test func trackingLeavesTheOutputBitForBitAsThePlainForward() {
    // Random values with NaN, ±0, ±infinity and a length that is not a multiple of the vector width.
    var rng = SeededGenerator(seed: 9)
    var input = Tensor(shape: [3, 16 * 5])
    for i in input.storage.indices { input.storage[i] = Float(rng.nextNormal()) }
    for (i, special) in [Float.nan, -0.0, 0.0, .infinity, -.infinity].enumerated() { input.storage[i * 7] = special }
    for (units, spatial, block) in [(80, 1, 0), (16, 5, 0), (16, 5, 8), (16, 5, 16)] {
      let plain = ReLU(units: units, spatialSize: spatial, block: block)
      let tracking = ReLU(units: units, spatialSize: spatial, block: block)
      tracking.tracksActivity = true
      var a = Tensor(shape: [0])
      var b = Tensor(shape: [0])
      plain.forward(input, into: &a, mode: .training, rng: &rng)
      tracking.forward(input, into: &b, mode: .training, rng: &rng)
      #expect(a.storage.map(\.bitPattern) == b.storage.map(\.bitPattern), "\(units)×\(spatial) block \(block)")
      #expect(tracking.maxima.count == units)
    }
  }

  @Test func channelsAreFoundInPlainAndBlockedLayouts() {
    // 2 samples of 16 channels × 2 positions. Channel 11, position 1 of sample 1 is the only
    // positive value. Plain NCHW puts it at (1·16 + 11)·2 + 1 = 55; nChw8c at
    // ((1·2 + 1)·2 + 1)·8 + 3 = 59 (channel block 1, lane 3).
    for (block, index) in [(0, 55), (8, 59)] {
      let relu = ReLU(units: 16, spatialSize: 2, block: block)
      relu.tracksActivity = true
      var storage = [Float](repeating: -1, count: 64)
      storage[index] = 1
      var rng = SeededGenerator(seed: 1)
      var output = Tensor(shape: [0])
      relu.forward(Tensor(shape: [2, 32], storage: storage), into: &output, mode: .training, rng: &rng)
      #expect(relu.maxima.indices.filter { relu.maxima[$0] > 0 } == [11], "block \(block)")
    }
  }

  @Test func aModelNamesItsReLUsAndCountsDeadUnitsOverPasses() throws {
    var rng = SeededGenerator(seed: 3)
    let model = Sequential(spec: ModelSpec(sizes: [4, 5, 2]), rng: &rng)
    #expect(model.reluLayers.map(\.name) == ["relu after dense1"])
    // A bias of −100 keeps the first two hidden units below zero for any input near the origin.
    let bias = try #require(model.parameters.first { $0.name == "layers.0.bias" })
    bias.value.storage[0] = -100
    bias.value.storage[1] = -100
    model.trackActivity(true)
    var inputs = Tensor(shape: [64, 4])
    for i in inputs.storage.indices { inputs.storage[i] = Float(rng.nextNormal()) }
    _ = model.forward(inputs, mode: .training, rng: &rng)
    let counts = model.deadUnitCounts()
    #expect(counts.count == 1)
    #expect(counts.first?.layer == "relu after dense1")
    #expect(counts.first?.units == 5)
    #expect(counts.first?.dead == 2)
    #expect(counts.first.map(\.fraction) == 0.4)
    let convnet = Sequential(
      spec: try ModelSpec(parsing: "conv8k3p1-relu-maxpool2-flatten-dense6-relu-dense3").withInput([1, 6, 6]),
      rng: &rng)
    #expect(convnet.reluLayers.map(\.name) == ["relu after conv1", "relu after dense1"])
  }
}

extension ModelSpec {
  fileprivate func withInput(_ shape: [Int]) -> ModelSpec {
    var spec = self
    spec.inputShape = shape
    return spec
  }
}
