import Foundation
import Training

/// Prints a run without a dashboard: a Keras-like line (or a JSON object) per epoch, then the result.
struct HeadlessPrinter {
  /// Print JSON objects instead of text.
  let jsonl: Bool
  /// The newest epoch printed.
  private var printedEpoch = 0
  /// The sequence number of the newest event printed.
  private(set) var lastEventSequence = 0

  /// Creates a printer; epochs up to `skipEpochs` (restored by a resume) are not printed again.
  init(jsonl: Bool, skipEpochs: Int = 0) {
    self.jsonl = jsonl
    printedEpoch = skipEpochs
  }

  /// Prints whatever is new in `snapshot` since the last call.
  mutating func update(_ snapshot: TrainingSnapshot) {
    for line in newLines(snapshot) { print(line) }
    fflush(nil)
  }

  /// The lines for what is new in `snapshot` since the last call: epochs by number, events by sequence.
  mutating func newLines(_ snapshot: TrainingSnapshot) -> [String] {
    let firstNewEpoch = snapshot.epochs.lastIndex { $0.epoch <= printedEpoch }.map { $0 + 1 } ?? 0
    var lines = snapshot.epochs[firstNewEpoch...].map { jsonl ? json($0, snapshot) : line($0, snapshot) }
    printedEpoch = max(printedEpoch, snapshot.epochsDone)
    // The new events are at the end: find where they start without reading the whole scrollback.
    let firstNew = snapshot.events.lastIndex { $0.sequence <= lastEventSequence }.map { $0 + 1 } ?? 0
    for event in snapshot.events[firstNew...] {
      lastEventSequence = event.sequence
      if !jsonl && Self.printable(event.kind) { lines.append(eventLine(event)) }
    }
    return lines
  }

  /// `  [stop] step 120: early stop: …`.
  func eventLine(_ event: TrainingEvent) -> String {
    "  [\(event.kind.rawValue)] step \(event.step): \(event.message)"
  }

  /// Events worth a line in headless text mode.
  static func printable(_ kind: EventKind) -> Bool {
    [.stop, .rollback, .schedule, .rejected, .checkpoint, .alert].contains(kind)
  }

  /// `Epoch 3/10 - 2.1s - loss: 0.1234 - acc: 0.9612 - val_loss: … - lr: 1.0e-3 - 28.4k samples/s`.
  func line(_ m: EpochMetrics, _ s: TrainingSnapshot) -> String {
    let metric = s.info.isClassification ? "acc" : "r2"
    return "Epoch \(m.epoch)/\(s.info.totalEpochs) - \(String(format: "%.1fs", m.seconds))"
      + " - loss: \(f4(m.trainLoss)) - \(metric): \(f4(m.trainMetric))"
      + " - val_loss: \(f4(m.validationLoss)) - val_\(metric): \(f4(m.validationMetric))"
      + " - lr: \(Format.rate(m.learningRate)) - \(Format.throughput(m.samplesPerSecond)) samples/s"
  }

  /// One JSON object for an epoch.
  func json(_ m: EpochMetrics, _ s: TrainingSnapshot) -> String {
    let metric = s.info.isClassification ? "acc" : "r2"
    let fields: [(String, Double)] = [
      ("epoch", Double(m.epoch)), ("seconds", m.seconds), ("loss", m.trainLoss),
      (metric, m.trainMetric), ("val_loss", m.validationLoss), ("val_\(metric)", m.validationMetric),
      ("lr", m.learningRate), ("samples_per_sec", m.samplesPerSecond),
    ]
    return "{" + fields.map { "\"\($0.0)\":\(Self.jsonNumber($0.1))" }.joined(separator: ",") + "}"
  }

  /// The stop reason and the final test metrics.
  func summary(_ s: TrainingSnapshot) -> String {
    var reason = "unknown"
    if case .stopped(let r) = s.status { reason = r.rawValue }
    if jsonl {
      let fields =
        [("\"stop_reason\"", "\"\(reason)\"")]
        + s.testMetrics.map { ("\"\($0.name)\"", Self.jsonNumber($0.value)) }
      return "{" + fields.map { "\($0.0):\($0.1)" }.joined(separator: ",") + "}"
    }
    let best =
      s.earlyStopping.flatMap { es in
        es.bestEpoch.map { " (best \(es.monitor) \(f4(es.bestValue ?? .nan)) at epoch \($0))" }
      } ?? ""
    let test =
      s.testMetrics.isEmpty
      ? "no test split" : s.testMetrics.map { "\($0.name): \(f4($0.value))" }.joined(separator: " - ")
    return "Stopped: \(reason) after \(s.epochsDone) epochs, \(s.step) steps\(best)\n"
      + "Test: \(test)"
  }

  private func f4(_ x: Double) -> String { String(format: "%.4f", x) }

  /// A JSON number, or null when not finite.
  static func jsonNumber(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
  }
}
