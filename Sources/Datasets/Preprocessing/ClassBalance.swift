import Tensor

/// Oversampling of minority classes by repeating row indices (never copying samples).
enum ClassBalance {
  /// `rows` followed by repeats of each smaller class's rows until every class present has as many as the largest.
  ///
  /// Each class's extra rows cycle through its members in a seeded shuffled order, so
  /// every member is repeated either `q` or `q + 1` times.
  static func oversampled(rows: [Int], labels: [Int32], seed: UInt64) -> [Int] {
    guard !labels.isEmpty, !rows.isEmpty else { return rows }
    var members: [Int32: [Int]] = [:]
    for row in rows { members[labels[row], default: []].append(row) }
    let largest = members.values.map(\.count).max() ?? 0
    var generator = SeededGenerator.derived(seed, 0, stream: 3)
    var result = rows
    for label in members.keys.sorted() {
      guard var group = members[label], group.count < largest else { continue }
      group.seededShuffle(using: &generator)
      for i in 0..<(largest - group.count) { result.append(group[i % group.count]) }
    }
    return result
  }
}
