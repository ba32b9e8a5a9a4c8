import Testing

@testable import Training

@Suite struct EpochHistoryTests {
  static func metrics(_ epoch: Int) -> EpochMetrics {
    EpochMetrics(
      epoch: epoch, trainLoss: 1 / Double(epoch), trainMetric: 0, validationLoss: 0, validationMetric: 0,
      learningRate: 1e-3, seconds: 0.01, samplesPerSecond: 1_000)
  }

  @Test func keepsEveryEpochUpToItsCapacity() {
    var history = EpochHistory(capacity: 8, recent: 4)
    for epoch in 1...8 { history.append(Self.metrics(epoch)) }
    #expect(history.records.map(\.epoch) == Array(1...8))
  }

  @Test func thinsOnlyTheOlderPartAndKeepsTheFirstEpoch() {
    var history = EpochHistory(capacity: 8, recent: 4)
    for epoch in 1...9 { history.append(Self.metrics(epoch)) }
    // Full at 8: of the 4 older than the recent 4 (epochs 1–4), 1 and 3 stay; then 9 is added.
    #expect(history.records.map(\.epoch) == [1, 3, 5, 6, 7, 8, 9])
    for epoch in 10...11 { history.append(Self.metrics(epoch)) }
    // Full again at 8 after 10: of 1, 3, 5, 6 only 1 and 5 stay.
    #expect(history.records.map(\.epoch) == [1, 5, 7, 8, 9, 10, 11])
  }

  @Test func staysBoundedOverAMillionEpochs() {
    var history = EpochHistory()
    for epoch in 1...1_000_000 { history.append(Self.metrics(epoch)) }
    #expect(history.records.count <= history.capacity)
    #expect(history.records.first?.epoch == 1 && history.last?.epoch == 1_000_000)
    // The newest `recent` epochs are all there, in order.
    #expect(history.records.suffix(history.recent).map(\.epoch) == Array((1_000_001 - history.recent)...1_000_000))
    #expect(zip(history.records, history.records.dropFirst()).allSatisfy { $0.epoch < $1.epoch })
  }

  @Test func restoringAResumedRunKeepsItsEpochNumbers() {
    let history = EpochHistory(restoring: (501...600).map(Self.metrics))
    #expect(history.records.map(\.epoch) == Array(501...600))
  }
}
