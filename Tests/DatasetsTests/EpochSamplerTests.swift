import Datasets
import Testing

@Suite struct EpochSamplerTests {
  @Test func everyIndexOncePerEpoch() {
    let sampler = EpochSampler(count: 1000, batchSize: 64, seed: 42)
    #expect(sampler.batchesPerEpoch == 16)  // ceil(1000 / 64)
    for epoch in 0..<3 {
      var seen: [Int] = []
      for batch in sampler.batches(epoch: epoch) { seen += batch }
      #expect(seen.count == 1000)
      #expect(seen.sorted() == Array(0..<1000))
    }
  }

  @Test func lastPartialBatchIsKeptByDefault() {
    let sampler = EpochSampler(count: 1000, batchSize: 64, seed: 42)
    let sizes = Array(sampler.batches(epoch: 0)).map(\.count)
    #expect(sizes.last == 1000 - 15 * 64)
    let dropping = EpochSampler(count: 1000, batchSize: 64, seed: 42, dropLast: true)
    #expect(dropping.batchesPerEpoch == 15)
    #expect(dropping.samplesPerEpoch == 960)
  }

  @Test func deterministicPerSeedAndEpochAndDifferentAcrossEpochs() {
    let a = EpochSampler(count: 500, batchSize: 32, seed: 7)
    let b = EpochSampler(count: 500, batchSize: 32, seed: 7)
    let c = EpochSampler(count: 500, batchSize: 32, seed: 8)
    #expect(a.permutation(epoch: 3) == b.permutation(epoch: 3))
    #expect(a.permutation(epoch: 3) != a.permutation(epoch: 4))
    #expect(a.permutation(epoch: 3) != c.permutation(epoch: 3))
    #expect(a.permutation(epoch: 0) != Array(0..<500))
  }

  @Test func randomAccessMatchesIterationForResume() {
    let sampler = EpochSampler(count: 300, batchSize: 50, seed: 1)
    let batches = Array(sampler.batches(epoch: 5))
    #expect(sampler.batchIndices(epoch: 5, batch: 3) == batches[3])
    let resumed = Array(sampler.batches(epoch: 5, startingAt: 4))
    #expect(resumed == Array(batches[4...]))
  }

  @Test func permutationIntoReusesTheBuffer() {
    let sampler = EpochSampler(count: 100, batchSize: 10, seed: 0)
    var order: [Int] = []
    sampler.permutation(epoch: 0, into: &order)
    let first = order
    sampler.permutation(epoch: 1, into: &order)
    #expect(order != first)
    #expect(order == sampler.permutation(epoch: 1))
  }

  @Test func batchSizeOneAndFullSet() {
    let single = EpochSampler(count: 7, batchSize: 1, seed: 3)
    #expect(single.batchesPerEpoch == 7)
    #expect(Array(single.batches(epoch: 0)).allSatisfy { $0.count == 1 })
    let full = EpochSampler(count: 7, batchSize: 7, seed: 3)
    #expect(full.batchesPerEpoch == 1)
    #expect(full.batchIndices(epoch: 0, batch: 0).sorted() == Array(0..<7))
    let larger = EpochSampler(count: 7, batchSize: 100, seed: 3)
    #expect(larger.batchesPerEpoch == 1)
    #expect(larger.range(ofBatch: 0) == 0..<7)
  }

  @Test func noShuffleKeepsFileOrder() {
    let sampler = EpochSampler(count: 10, batchSize: 4, seed: 3, shuffle: false)
    #expect(Array(sampler.batches(epoch: 2)).map(Array.init) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]])
  }

  @Test func batchesFillWithoutCopyingAndReuseBuffers() throws {
    let iris = try Shared.builtin(.iris)
    let sampler = EpochSampler(count: iris.train.count, batchSize: 1, seed: 0)
    var batch = Batch()
    var labels: [Int32] = []
    for indices in sampler.batches(epoch: 0) {
      iris.train.fill(&batch, indices: indices)
      #expect(batch.inputs.shape == [1, 4])
      labels += batch.labels
    }
    #expect(labels.count == iris.train.count)
    var counts = [0, 0, 0]
    for label in labels { counts[Int(label)] += 1 }
    #expect(counts == iris.train.classCounts)
    let full = EpochSampler(count: iris.train.count, batchSize: iris.train.count, seed: 0)
    iris.train.fill(&batch, indices: full.batchIndices(epoch: 0, batch: 0))
    #expect(batch.inputs.shape == [iris.train.count, 4])
    #expect(batch.count == iris.train.count)
  }
}
