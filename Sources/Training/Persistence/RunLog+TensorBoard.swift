import Foundation
import TensorBoard

/// TensorBoard's event file, written beside the text logs from the same calls.
///
/// Tags: every step `step/loss`, `step/lr`, `step/grad_norm`, `step/samples_per_sec`,
/// `step/momentum` (when the optimizer reads one) and `grad_norm/<layer>` at the global step;
/// every epoch the metrics.csv columns as `epoch/<column>` (`epoch/train_loss`, `epoch/val_acc`, …)
/// at the epoch number, as Keras's `epoch_*` scalars; every event as text under `events`; the
/// hyper-parameters in the HParams plugin's session start, and its session end when the run stops.
extension RunLog {
  /// Opens `events.out.tfevents.<time>.<host>.<pid>` (a new file per process, as TensorFlow does:
  /// a resumed run adds one) and writes the file version and the hyper-parameters. Does nothing
  /// when `writesTensorBoard` is false or a file is already open.
  public func startTensorBoard(
    layerNames: [String], hyperparameters: [String: HParamValue], time: Date = Date()
  ) throws {
    guard writesTensorBoard else { return }
    let name = TensorBoardRecords.fileName(
      time: time, host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier)
    try state.withLock { state in
      try state.checkOpen()
      guard state.tensorBoard == nil else { return }
      state.tensorBoard = LogFile(url: directory.appendingPathComponent(name))
      state.layerTags = layerNames.map { "grad_norm/\($0.split(separator: " ").first ?? Substring($0))" }
      let seconds = time.timeIntervalSince1970
      try state.tensorBoard?.append(
        TensorBoardRecords.fileVersion(time: seconds)
          + TensorBoardRecords.hyperparameters(hyperparameters, time: seconds))
    }
  }

  /// Marks a resume after `step` (`rewind` calls it): TensorBoard drops what the earlier file wrote
  /// after that step, as the text logs were rewound.
  func restartTensorBoard(afterStep step: Int, time: Date = Date()) throws {
    try state.withLock { state in
      try state.checkOpen()
      try state.tensorBoard?.append(TensorBoardRecords.restart(step: step + 1, time: time.timeIntervalSince1970))
    }
  }

  /// The HParams session end: `succeeded` false for a run that diverged, failed or was stopped.
  public func endTensorBoard(succeeded: Bool, time: Date = Date()) throws {
    try state.withLock { state in
      try state.checkOpen()
      guard state.tensorBoard != nil else { return }
      try state.flushSteps()
      try state.tensorBoard?.append(
        TensorBoardRecords.sessionEnd(succeeded: succeeded, time: time.timeIntervalSince1970))
    }
  }

  /// The event file's URL, once open.
  public var tensorBoardURL: URL? { state.withLock { $0.tensorBoard?.url } }
}

extension RunLogState {
  /// Buffers one step's scalars.
  mutating func bufferTensorBoardStep(
    step: Int, loss: Double, learningRate: Double, gradientNorm: Double, samplesPerSecond: Double,
    layerGradientSquares: [Double], momentum: Double?
  ) {
    guard tensorBoard != nil else { return }
    var values: [(tag: String, value: Double)] = [
      ("step/loss", loss), ("step/lr", learningRate), ("step/grad_norm", gradientNorm),
      ("step/samples_per_sec", samplesPerSecond),
    ]
    if let momentum { values.append(("step/momentum", momentum)) }
    for (tag, square) in zip(layerTags, layerGradientSquares) { values.append((tag, square.squareRoot())) }
    tensorBoardBuffer += TensorBoardRecords.scalars(values, step: step, time: Date().timeIntervalSince1970)
  }

  /// Buffers one epoch's metrics.csv row as `epoch/<column>` scalars at the epoch number.
  mutating func bufferTensorBoardEpoch(_ m: EpochMetrics, extra: [String: Double], isClassification: Bool) {
    guard tensorBoard != nil else { return }
    let numbers = [m.trainLoss, m.trainMetric, m.validationLoss, m.validationMetric, m.learningRate, m.seconds]
    let columns = RunLogFormat.fixedColumns(isClassification: isClassification).dropFirst()
    var values = zip(columns, numbers + [m.samplesPerSecond]).map { (tag: "epoch/\($0)", value: $1) }
    values += extra.keys.sorted().map { (tag: "epoch/\($0)", value: extra[$0] ?? .nan) }
    tensorBoardBuffer += TensorBoardRecords.scalars(values, step: m.epoch, time: Date().timeIntervalSince1970)
  }

  /// Writes an event's text at once (after the buffered steps, so the file stays in step order).
  mutating func writeTensorBoardText(_ text: String, step: Int, time: Double) throws {
    guard tensorBoard != nil else { return }
    tensorBoardBuffer += TensorBoardRecords.text(text, tag: "events", step: step, time: time)
    try flushSteps()
  }
}
