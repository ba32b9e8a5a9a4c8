/// The median of the last `capacity` values, kept sorted as they come and go (no allocation once full).
struct RunningMedian {
  let capacity: Int
  private var ring: [Double] = []
  private var sorted: [Double] = []
  private var next = 0

  init(capacity: Int) {
    self.capacity = capacity
    ring.reserveCapacity(capacity)
    sorted.reserveCapacity(capacity)
  }

  /// How many values it holds.
  var count: Int { sorted.count }

  /// The middle value (the mean of the two middle ones for an even count); nil when empty.
  var median: Double? {
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// Adds `value`, dropping the oldest once full.
  mutating func add(_ value: Double) {
    if ring.count < capacity {
      ring.append(value)
    } else {
      let oldest = ring[next]
      ring[next] = value
      next = (next + 1) % capacity
      sorted.remove(at: insertionIndex(oldest))
    }
    sorted.insert(value, at: insertionIndex(value))
  }

  /// The first index whose value is not below `value`.
  private func insertionIndex(_ value: Double) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
