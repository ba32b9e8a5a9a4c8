import Tensor

/// Seeded stratified partitions of sample indices.
///
/// Within each class the members are shuffled with a generator seeded by `seed`, then
/// cut by `round(n_class * fraction)` for every part after the first; the first part
/// (train) takes the rest and keeps at least one sample of every class that has any.
/// Each returned part is sorted ascending (file order); samplers shuffle later.
enum StratifiedSplit {
  /// Splits `0..<labels.count` into `fractions.count` parts, stratified by `labels`.
  static func split(labels: [Int32], fractions: [Double], seed: UInt64) -> [[Int]] {
    precondition(fractions.count >= 1 && fractions.allSatisfy { $0 >= 0 }, "bad fractions \(fractions)")
    var generator = SeededGenerator(seed: seed)
    var parts = [[Int]](repeating: [], count: fractions.count)
    for var members in classMembers(labels) {
      members.seededShuffle(using: &generator)
      let sizes = partSizes(count: members.count, fractions: fractions)
      var start = members.count - sizes.reduce(0, +)
      parts[0].append(contentsOf: members[0..<start])
      for (part, size) in sizes.enumerated() {
        parts[part + 1].append(contentsOf: members[start..<(start + size)])
        start += size
      }
    }
    return parts.map { $0.sorted() }
  }

  /// Sizes of parts 1... for a class of `count`: rounded shares, trimmed so part 0 keeps at least one.
  static func partSizes(count: Int, fractions: [Double]) -> [Int] {
    var sizes = fractions.dropFirst().map { Int((Double(count) * $0).rounded()) }
    while sizes.reduce(0, +) > max(0, count - 1) {
      guard let largest = sizes.indices.max(by: { sizes[$0] < sizes[$1] }), sizes[largest] > 0 else { break }
      sizes[largest] -= 1
    }
    return sizes
  }

  /// The indices of each class, in index order, for classes that occur (ascending class id).
  static func classMembers(_ labels: [Int32]) -> [[Int]] {
    var byClass: [Int32: [Int]] = [:]
    for (index, label) in labels.enumerated() { byClass[label, default: []].append(index) }
    return byClass.keys.sorted().compactMap { byClass[$0] }
  }
}

/// Stratified k-fold cross-validation: `k` (train, validation) pairs of indices into `labels`.
///
/// Each class's members are shuffled (seeded) and dealt round-robin into the folds,
/// continuing the rotation across classes, so fold sizes differ by at most one and every
/// class is spread evenly. Every index is in exactly one validation fold. Both lists are sorted.
/// - Precondition: `2 <= k <= labels.count`.
public func stratifiedKFold<Label: BinaryInteger>(
  labels: [Label], k: Int, seed: UInt64
) -> [(train: [Int], validation: [Int])] {
  precondition(k >= 2 && k <= labels.count, "k-fold needs 2 <= k <= \(labels.count), got \(k)")
  var generator = SeededGenerator(seed: seed)
  var foldOf = [Int](repeating: 0, count: labels.count)
  var next = 0
  for var members in StratifiedSplit.classMembers(labels.map { Int32(truncatingIfNeeded: $0) }) {
    members.seededShuffle(using: &generator)
    for index in members {
      foldOf[index] = next
      next = (next + 1) % k
    }
  }
  return (0..<k).map { fold in
    let validation = labels.indices.filter { foldOf[$0] == fold }
    let train = labels.indices.filter { foldOf[$0] != fold }
    return (train, validation)
  }
}
