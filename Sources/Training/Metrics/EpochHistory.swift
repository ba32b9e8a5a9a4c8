/// The per-epoch metrics the charts draw, in bounded memory however long the run.
///
/// The latest `recent` epochs are kept exactly. When `capacity` records are held, every other
/// record older than those is dropped, so the older part thins out geometrically (epoch numbers
/// stay with their records, so the charts still place them right). Without the bound a run of
/// 30,000 epochs copied an ever larger array into every snapshot and its resident memory grew with it.
struct EpochHistory: Sendable {
  /// The most records held.
  let capacity: Int
  /// The newest records never thinned.
  let recent: Int
  /// The records, oldest first; every epoch of the last `recent`, a thinned selection before them.
  private(set) var records: [EpochMetrics] = []

  /// An empty history; `recent` must be below `capacity`.
  init(capacity: Int = 2_048, recent: Int = 1_024) {
    precondition(recent < capacity, "EpochHistory: recent \(recent) must be below capacity \(capacity)")
    self.capacity = capacity
    self.recent = recent
    records.reserveCapacity(capacity)
  }

  /// A history holding `restored` (a resumed run's recent epochs), thinned if they exceed `capacity`.
  init(restoring restored: [EpochMetrics]) {
    self.init()
    for metrics in restored { append(metrics) }
  }

  /// The newest epoch's metrics.
  var last: EpochMetrics? { records.last }

  /// Adds the metrics of the epoch just finished.
  mutating func append(_ metrics: EpochMetrics) {
    if records.count == capacity { thin() }
    records.append(metrics)
  }

  /// Drops every other record older than the `recent` newest (keeping the oldest).
  private mutating func thin() {
    let older = records.count - recent
    var kept = 0
    for index in stride(from: 0, to: older, by: 2) {
      records[kept] = records[index]
      kept += 1
    }
    records.removeSubrange(kept..<older)
  }
}
