import Foundation

/// The mutable part of a `RunLog`, kept behind its mutex.
struct RunLogState {
  /// The run directory, for error messages.
  let directory: URL
  /// metrics.csv.
  var metrics: LogFile
  /// steps.jsonl.
  var steps: LogFile
  /// events.jsonl.
  var events: LogFile
  /// Step lines not yet written.
  var stepBuffer: [UInt8] = []
  /// TensorBoard's event file, once `RunLog.startTensorBoard` opened it.
  var tensorBoard: LogFile?
  /// TensorBoard records not yet written (flushed with the steps).
  var tensorBoardBuffer: [UInt8] = []
  /// The per-layer gradient-norm tags (`grad_norm/<layer>`), in the order of a step's norms.
  var layerTags: [String] = []
  /// The extra metric columns, fixed by metrics.csv's header (nil until known).
  var extraColumns: [String]?
  /// When steps were last written out (they are written at least once a second, so a reader such
  /// as `traintop view` follows the run closely).
  var lastFlush = Date()
  /// Whether `close` ran.
  var isClosed = false

  /// The state of a fresh or resumed run directory.
  init(directory: URL) {
    self.directory = directory
    metrics = LogFile(url: directory.appendingPathComponent(RunLogFile.metrics.rawValue))
    steps = LogFile(url: directory.appendingPathComponent(RunLogFile.steps.rawValue))
    events = LogFile(url: directory.appendingPathComponent(RunLogFile.events.rawValue))
    stepBuffer.reserveCapacity(RunLog.stepBufferLimit + 1024)
  }

  /// Throws if the log was closed.
  func checkOpen() throws {
    if isClosed { throw RunLogError.closed(path: directory.path) }
  }

  /// Appends a metrics.csv row, writing the header first if the file is new.
  mutating func appendEpoch(_ m: EpochMetrics, extra: [String: Double], isClassification: Bool) throws {
    var text = ""
    if extraColumns == nil {
      if let header = metrics.firstLine(), !header.isEmpty {
        extraColumns = Array(header.split(separator: ",").map(String.init).dropFirst(RunLogFormat.fixedColumnCount))
      } else {
        let columns = extra.keys.sorted()
        extraColumns = columns
        text += (RunLogFormat.fixedColumns(isClassification: isClassification) + columns).joined(separator: ",") + "\n"
      }
    }
    let f = RunLogFormat.csvNumber
    var fields = [
      String(m.epoch), f(m.trainLoss), f(m.trainMetric), f(m.validationLoss), f(m.validationMetric),
      f(m.learningRate), f(m.seconds), f(m.samplesPerSecond),
    ]
    fields += (extraColumns ?? []).map { f(extra[$0] ?? .nan) }
    text += fields.joined(separator: ",") + "\n"
    try metrics.append(text.utf8)
  }

  /// Writes the buffered steps and TensorBoard records.
  mutating func flushSteps() throws {
    lastFlush = Date()
    if !stepBuffer.isEmpty {
      try steps.append(stepBuffer)
      stepBuffer.removeAll(keepingCapacity: true)
    }
    if !tensorBoardBuffer.isEmpty {
      try tensorBoard?.append(tensorBoardBuffer)
      tensorBoardBuffer.removeAll(keepingCapacity: true)
    }
  }

  /// Flushes, fsyncs and closes every file.
  mutating func close() throws {
    guard !isClosed else { return }
    try flushSteps()
    isClosed = true
    for file in [\RunLogState.metrics, \RunLogState.steps, \RunLogState.events] {
      try self[keyPath: file].synchronize()
      try self[keyPath: file].close()
    }
    try tensorBoard?.synchronize()
    try tensorBoard?.close()
  }
}

/// How numbers are written in the run's text logs.
enum RunLogFormat {
  /// The columns before the extras.
  static let fixedColumnCount = 8

  /// metrics.csv's fixed columns.
  static func fixedColumns(isClassification: Bool) -> [String] {
    let metric = isClassification ? "acc" : "r2"
    return ["epoch", "train_loss", "train_\(metric)", "val_loss", "val_\(metric)", "lr", "seconds", "samples_per_sec"]
  }

  /// A CSV number: the shortest round-trip decimal, `nan`, `inf` or `-inf`.
  static func csvNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return "\(x)"
  }

  /// A JSON number: the shortest round-trip decimal, or `null` when not finite.
  static func jsonNumber(_ x: Double) -> String {
    x.isFinite ? "\(x)" : "null"
  }
}
