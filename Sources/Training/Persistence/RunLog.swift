import Foundation
import Synchronization

/// Which checkpoint file of a run.
public enum CheckpointKind: String, CaseIterable, Sendable {
  /// `checkpoints/best.safetensors`: the best monitored epoch.
  case best
  /// `checkpoints/last.safetensors`: the latest epoch.
  case last
}

/// A run directory `runs/<yyyy-MM-dd-HHmmss>-<name>/` and the logs written into it.
///
/// ```
/// config.json        the resolved configuration (pretty, sorted keys, written atomically)
/// metrics.csv        one row per epoch; header on the first row
/// steps.jsonl        one JSON object per step, buffered, flushed every epoch, every second and on close
/// events.jsonl       one JSON object per event, written at once
/// checkpoints/       best.safetensors, last.safetensors
/// events.out.tfevents.<time>.<host>.<pid>   TensorBoard's records of the same (`RunLog+TensorBoard.swift`)
/// ```
/// Numbers: metrics.csv writes NaN as `nan` and infinities as `inf`/`-inf` (pandas reads all
/// three); steps.jsonl writes non-finite numbers as `null`; events.jsonl uses `TrainingJSON`
/// (non-finite as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`). Files stay open between
/// writes. All methods are thread-safe (a mutex), though the trainer is the only writer.
public final class RunLog: Sendable {
  /// The run directory.
  public let directory: URL
  /// True if the run is a classification (columns `train_acc`/`val_acc`), false for regression (`train_r2`/`val_r2`).
  public let isClassification: Bool
  /// Whether `startTensorBoard` opens an event file (`--tensorboard off` turns it off).
  public let writesTensorBoard: Bool
  let state: Mutex<RunLogState>

  /// Steps buffered beyond this many bytes are written out early.
  static let stepBufferLimit = 1 << 20
  /// Buffered steps are written out at least this often (seconds).
  static let flushInterval: TimeInterval = 1

  /// Creates `root/<yyyy-MM-dd-HHmmss>-<name>/` (and `checkpoints/`); adds `-2`, `-3`, … if it exists.
  ///
  /// - Parameters:
  ///   - root: The folder holding runs, e.g. `runs` (created if missing).
  ///   - name: The run's name; characters other than letters, digits, `.`, `_`, `-` become `-`.
  ///   - date: The start time, for the directory name (injectable for tests).
  ///   - timeZone: The time zone of the timestamp (local by default).
  ///   - isClassification: Chooses the metric columns of metrics.csv.
  /// - Throws: `RunLogError.cannotCreate`.
  public convenience init(
    root: URL, name: String, date: Date = Date(), timeZone: TimeZone = .current, isClassification: Bool = true,
    tensorBoard: Bool = true
  ) throws {
    let base = RunLog.directoryName(name: name, date: date, timeZone: timeZone)
    let directory = try RunLog.createUniqueDirectory(in: root, base: base)
    try self.init(directory: directory, isClassification: isClassification, tensorBoard: tensorBoard)
  }

  /// Uses `directory` as the run directory (created if missing; existing logs are appended to).
  ///
  /// - Throws: `RunLogError.cannotCreate`.
  public init(directory: URL, isClassification: Bool = true, tensorBoard: Bool = true) throws {
    self.directory = directory
    self.isClassification = isClassification
    writesTensorBoard = tensorBoard
    let checkpoints = directory.appendingPathComponent("checkpoints")
    do {
      try FileManager.default.createDirectory(at: checkpoints, withIntermediateDirectories: true)
    } catch {
      throw RunLogError.cannotCreate(path: checkpoints.path, reason: error.localizedDescription)
    }
    state = Mutex(RunLogState(directory: directory))
  }

  deinit { try? close() }

  /// `<yyyy-MM-dd-HHmmss>-<name>` for `date` in `timeZone`, with `name` made file-safe.
  public static func directoryName(name: String, date: Date, timeZone: TimeZone = .current) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ n: Int?) -> String {
      let digits = String(n ?? 0)
      return digits.count < 2 ? "0" + digits : digits
    }
    let stamp = "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))-\(two(c.hour))\(two(c.minute))\(two(c.second))"
    let safe = String(name.unicodeScalars.map { isFileSafe($0) ? Character($0) : "-" })
    return safe.isEmpty ? stamp : "\(stamp)-\(safe)"
  }

  /// ASCII letters, digits, `.`, `_` and `-`.
  private static func isFileSafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": return true
    default: return false
    }
  }

  /// Creates `root/base`, or `base-2`, `base-3`, … when it exists (a search's or cross-validation's
  /// parent directory is made this way too). - Throws: `RunLogError.cannotCreate`.
  public static func createUniqueDirectory(in root: URL, base: String) throws -> URL {
    do {
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    } catch {
      throw RunLogError.cannotCreate(path: root.path, reason: error.localizedDescription)
    }
    for attempt in 1...1000 {
      let url = root.appendingPathComponent(attempt == 1 ? base : "\(base)-\(attempt)")
      if (try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)) != nil {
        return url
      }
    }
    throw RunLogError.cannotCreate(path: root.appendingPathComponent(base).path, reason: "name taken")
  }

  /// The path of a checkpoint file.
  public func checkpointURL(_ kind: CheckpointKind) -> URL {
    directory.appendingPathComponent("checkpoints/\(kind.rawValue).safetensors")
  }

  /// `checkpoints/epoch-N.safetensors` (`--save-every`).
  public func epochCheckpointURL(_ epoch: Int) -> URL {
    directory.appendingPathComponent("checkpoints/epoch-\(epoch).safetensors")
  }

  /// The epochs of the `epoch-N` checkpoints on disk, oldest first.
  public func epochCheckpoints() -> [Int] {
    let folder = directory.appendingPathComponent("checkpoints")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.compactMap { name -> Int? in
      guard name.hasPrefix("epoch-"), name.hasSuffix(".safetensors") else { return nil }
      return Int(name.dropFirst(6).dropLast(12))
    }.sorted()
  }

  /// The path of one of the log files.
  public func url(of file: RunLogFile) -> URL { directory.appendingPathComponent(file.rawValue) }

  /// Writes `config` to config.json: pretty, sorted keys, atomically (temp file, fsync, rename).
  public func writeConfig<Config: Encodable>(_ config: Config) throws {
    var data = try TrainingJSON.encoder(pretty: true).encode(config)
    data.append(UInt8(ascii: "\n"))
    try AtomicFile.write(data, to: url(of: .config))
  }

  /// Appends one epoch to metrics.csv (and flushes buffered steps).
  ///
  /// Columns: `epoch,train_loss,train_acc|train_r2,val_loss,val_acc|val_r2,lr,seconds,samples_per_sec`
  /// then the `extra` names (e.g. `val_macro_f1`) sorted. The first row fixes the columns:
  /// later missing extras are written as `nan`, unknown ones are dropped.
  public func appendEpoch(_ metrics: EpochMetrics, extra: [String: Double] = [:]) throws {
    try state.withLock { state in
      try state.checkOpen()
      try state.appendEpoch(metrics, extra: extra, isClassification: isClassification)
      state.bufferTensorBoardEpoch(metrics, extra: extra, isClassification: isClassification)
      try state.flushSteps()
    }
  }

  /// Buffers one step for steps.jsonl (and TensorBoard; `momentum` only goes there, when the
  /// optimizer reads one).
  public func appendStep(
    step: Int, epoch: Int, loss: Double, learningRate: Double, gradientNorm: Double, samplesPerSecond: Double,
    layerGradientSquares: [Double] = [], momentum: Double? = nil
  ) throws {
    let n = RunLogFormat.jsonNumber
    let layers = layerGradientSquares.map { n($0.squareRoot()) }.joined(separator: ",")
    let line =
      "{\"step\":\(step),\"epoch\":\(epoch),\"loss\":\(n(loss)),\"lr\":\(n(learningRate)),"
      + "\"grad_norm\":\(n(gradientNorm)),\"layer_grad_norms\":[\(layers)],"
      + "\"samples_per_sec\":\(n(samplesPerSecond))}\n"
    try state.withLock { state in
      try state.checkOpen()
      state.stepBuffer.append(contentsOf: line.utf8)
      state.bufferTensorBoardStep(
        step: step, loss: loss, learningRate: learningRate, gradientNorm: gradientNorm,
        samplesPerSecond: samplesPerSecond, layerGradientSquares: layerGradientSquares, momentum: momentum)
      if state.stepBuffer.count + state.tensorBoardBuffer.count > RunLog.stepBufferLimit
        || Date().timeIntervalSince(state.lastFlush) >= RunLog.flushInterval
      {
        try state.flushSteps()
      }
    }
  }

  /// Writes one event to events.jsonl at once.
  public func appendEvent(_ event: EventRecord) throws {
    var line = try TrainingJSON.encoder().encode(event)
    line.append(UInt8(ascii: "\n"))
    try state.withLock { state in
      try state.checkOpen()
      try state.events.append(line)
      try state.writeTensorBoardText(event.message, step: event.step, time: event.time)
    }
  }

  /// Writes buffered steps out.
  public func flush() throws {
    try state.withLock { state in try state.flushSteps() }
  }

  /// Flushes, fsyncs and closes every file; later appends throw `RunLogError.closed`.
  public func close() throws {
    try state.withLock { state in try state.close() }
  }
}

/// The log files of a run directory.
public enum RunLogFile: String, CaseIterable, Sendable {
  /// The resolved configuration.
  case config = "config.json"
  /// One row per epoch.
  case metrics = "metrics.csv"
  /// One JSON object per step.
  case steps = "steps.jsonl"
  /// One JSON object per event.
  case events = "events.jsonl"
  /// How the run ended: stop reason, best epoch, test metrics (`RunResults`).
  case results = "results.json"
}
