import Tensor

/// Shuffled mini-batches of split positions, a pure function of `(seed, epoch)`.
///
/// The sampler never touches the data: it produces a permutation of `0..<count` per
/// epoch and cuts it into batches. Resuming at `(epoch, batch)` needs no saved RNG state:
/// regenerate the epoch's permutation and continue from that batch.
///
/// ```swift
/// var order: [Int] = []
/// sampler.permutation(epoch: epoch, into: &order)      // reuses `order`'s buffer
/// for b in 0..<sampler.batchesPerEpoch {
///   split.fill(&batch, indices: order[sampler.range(ofBatch: b)])
/// }
/// ```
public struct EpochSampler: Sendable, Equatable {
  /// The number of samples to draw from.
  public let count: Int
  /// Samples per batch (the last batch may be smaller unless `dropLast`).
  public let batchSize: Int
  /// The seed shared by every epoch.
  public let seed: UInt64
  /// Shuffle each epoch (false: file order every epoch).
  public let shuffle: Bool
  /// Drop the last batch when it is smaller than `batchSize`.
  public let dropLast: Bool

  /// Creates a sampler; a `batchSize` larger than `count` gives one full-set batch.
  public init(count: Int, batchSize: Int, seed: UInt64, shuffle: Bool = true, dropLast: Bool = false) {
    precondition(count >= 0, "negative sample count")
    precondition(batchSize >= 1, "batch size must be at least 1, got \(batchSize)")
    self.count = count
    self.batchSize = batchSize
    self.seed = seed
    self.shuffle = shuffle
    self.dropLast = dropLast
  }

  /// Batches in one epoch.
  public var batchesPerEpoch: Int {
    dropLast ? count / batchSize : (count + batchSize - 1) / batchSize
  }

  /// Samples visited in one epoch (`count`, or fewer with `dropLast`).
  public var samplesPerEpoch: Int {
    dropLast ? batchesPerEpoch * batchSize : count
  }

  /// Writes epoch `epoch`'s order of `0..<count` into `order`, reusing its storage.
  public func permutation(epoch: Int, into order: inout [Int]) {
    if order.count != count {
      order.removeAll(keepingCapacity: true)
      order.append(contentsOf: 0..<count)
    } else {
      order.withUnsafeMutableBufferPointer { p in
        for i in 0..<count { p[i] = i }
      }
    }
    guard shuffle else { return }
    var generator = SeededGenerator.derived(seed, epoch, stream: 1)
    order.withUnsafeMutableBufferPointer { $0.seededShuffle(using: &generator) }
  }

  /// Epoch `epoch`'s order of `0..<count` (allocates; loops should use `permutation(epoch:into:)`).
  public func permutation(epoch: Int) -> [Int] {
    var order: [Int] = []
    permutation(epoch: epoch, into: &order)
    return order
  }

  /// The positions of batch `batch` within an epoch's permutation.
  public func range(ofBatch batch: Int) -> Range<Int> {
    precondition(batch >= 0 && batch < batchesPerEpoch, "batch \(batch) outside 0..<\(batchesPerEpoch)")
    return (batch * batchSize)..<min(count, (batch + 1) * batchSize)
  }

  /// The split positions of batch `batch` of epoch `epoch`.
  ///
  /// Regenerates the epoch's permutation (O(count)): for random access and resume checks.
  /// Loops should call `permutation(epoch:into:)` once per epoch, or iterate `batches(epoch:)`.
  public func batchIndices(epoch: Int, batch: Int) -> ArraySlice<Int> {
    permutation(epoch: epoch)[range(ofBatch: batch)]
  }

  /// The batches of epoch `epoch`, starting at batch `first` (to resume mid-epoch); one permutation for the epoch.
  public func batches(epoch: Int, startingAt first: Int = 0) -> EpochBatches {
    EpochBatches(sampler: self, order: permutation(epoch: epoch), nextBatch: first)
  }
}

/// The batches of one epoch: slices of one shared permutation.
public struct EpochBatches: Sequence, IteratorProtocol, Sendable {
  /// The sampler that cut the batches.
  public let sampler: EpochSampler
  /// The epoch's permutation.
  public let order: [Int]
  /// The number of the batch `next()` returns.
  public private(set) var nextBatch: Int

  /// The next batch's split positions, or nil after the last batch.
  public mutating func next() -> ArraySlice<Int>? {
    guard nextBatch < sampler.batchesPerEpoch else { return nil }
    defer { nextBatch += 1 }
    return order[sampler.range(ofBatch: nextBatch)]
  }
}
