import Foundation
import NN
import Tensor
import Training

/// A run directory read back for `traintop view`: its configuration, steps, epochs, events and
/// results. `refresh()` reads what another process appended since (only whole lines), so a run still
/// being written can be followed like `tail -f`.
final class RecordedRun {
  let directory: URL
  /// config.json.
  let record: RunRecord
  /// The weighted layers' names, for the gradient pane (from the recorded model).
  let layerNames: [String]
  private(set) var steps = StepLog()
  private(set) var epochs: [EpochMetrics] = []
  private(set) var events: [EventRecord] = []
  /// results.json, once the run has finished.
  private(set) var results: RunResults?
  /// Whether the run reports classification metrics (`train_acc`) rather than regression ones.
  private(set) var isClassification = true
  /// Bumped whenever `refresh` read something new.
  private(set) var version = 0
  private var stepsOffset: UInt64 = 0
  private var eventsOffset: UInt64 = 0
  private var metricsSize = -1

  /// Reads the run in `directory`: a missing or damaged config.json is an error (66/65), and so is
  /// one whose values are out of range (the model is built from it for the layer names).
  init(directory: URL) throws {
    self.directory = directory
    record = try RunRecord.load(runDirectory: directory)
    do { try record.trainer.validate() } catch {
      throw CLIError.data("\(directory.appendingPathComponent(RunLogFile.config.rawValue).path): \(error)")
    }
    var rng = SeededGenerator(seed: 0)
    layerNames = Sequential(spec: record.trainer.model, rng: &rng).parameterGroups.map(\.name)
    refresh()
  }

  /// The run directory's name.
  var name: String { directory.lastPathComponent }

  /// The last logged step (0 before any).
  var lastStep: Int { steps.step.last ?? 0 }

  /// Reads whatever was added to the files since the last call; true if anything was. A log that
  /// shrank (a resume rewound it) is read again from its start.
  @discardableResult
  func refresh() -> Bool {
    var changed = false
    if size(of: .steps) < stepsOffset || size(of: .events) < eventsOffset {
      steps = StepLog()
      events = []
      stepsOffset = 0
      eventsOffset = 0
      changed = true
    }
    changed = readLines(.steps, from: &stepsOffset) { steps.add(line: $0) } || changed
    changed =
      readLines(.events, from: &eventsOffset) { line in
        if let record = try? TrainingJSON.decoder().decode(EventRecord.self, from: Data(line.utf8)) {
          events.append(record)
        }
      } || changed
    changed = readMetrics() || changed
    if results == nil, let data = FileManager.default.contents(atPath: url(.results).path) {
      results = try? TrainingJSON.decoder().decode(RunResults.self, from: data)
      changed = changed || results != nil
    }
    if changed { version += 1 }
    return changed
  }

  private func url(_ file: RunLogFile) -> URL { directory.appendingPathComponent(file.rawValue) }

  /// A file's size in bytes (0 when missing).
  private func size(of file: RunLogFile) -> UInt64 {
    let attributes = try? FileManager.default.attributesOfItem(atPath: url(file).path)
    return (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
  }

  /// Feeds the whole lines after `offset` to `body` and moves `offset` past them.
  private func readLines(_ file: RunLogFile, from offset: inout UInt64, _ body: (Substring) -> Void) -> Bool {
    guard let handle = try? FileHandle(forReadingFrom: url(file)) else { return false }
    defer { try? handle.close() }
    guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.readToEnd(), !data.isEmpty,
      let end = data.lastIndex(of: UInt8(ascii: "\n"))
    else { return false }
    let whole = data[data.startIndex...end]
    for line in String(decoding: whole, as: UTF8.self).split(separator: "\n") { body(line) }
    offset += UInt64(whole.count)
    return true
  }

  /// Re-reads metrics.csv when its size changed (it is small; a half-written last row waits).
  private func readMetrics() -> Bool {
    guard let data = FileManager.default.contents(atPath: url(.metrics).path), data.count != metricsSize,
      let end = data.lastIndex(of: UInt8(ascii: "\n"))
    else { return false }
    let text = String(decoding: data[data.startIndex...end], as: UTF8.self)
    guard let parsed = try? ComparisonRun.parseMetrics(text, path: url(.metrics).path) else { return false }
    metricsSize = data.count
    isClassification = !(text.split(separator: "\n").first?.contains("val_r2") ?? false)
    epochs = parsed
    return true
  }
}

extension RecordedRun {
  /// This run as ghost lines beside another (`traintop view A B`): its epochs, step loss and rate.
  var comparison: ComparisonRun {
    let history = steps.history(count: steps.count)
    return ComparisonRun(
      name: name, epochs: epochs, stepLoss: history.series(.trainLoss), learningRate: history.series(.learningRate))
  }
}
