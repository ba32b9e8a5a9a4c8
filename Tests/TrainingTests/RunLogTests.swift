import Foundation
import TestSupport
import Testing
import Training

/// 2024-03-05 07:08:09 UTC.
private let fixedDate = Date(timeIntervalSince1970: 1_709_622_489)
private let utc = TimeZone(identifier: "UTC") ?? .current

private func metrics(_ epoch: Int, trainLoss: Double = 0.5, validationLoss: Double = 0.25) -> EpochMetrics {
  EpochMetrics(
    epoch: epoch, trainLoss: trainLoss, trainMetric: 0.875, validationLoss: validationLoss,
    validationMetric: 0.9375, learningRate: 1e-3, seconds: 2.5, samplesPerSecond: 24000)
}

private func lines(of url: URL) throws -> [String] {
  String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
}

@Suite struct RunLogTests {
  @Test func directoryIsNamedByTimestampAndName() throws {
    #expect(RunLog.directoryName(name: "mnist-mlp", date: fixedDate, timeZone: utc) == "2024-03-05-070809-mnist-mlp")
    // Unsafe characters become "-".
    #expect(RunLog.directoryName(name: "a b/c", date: fixedDate, timeZone: utc) == "2024-03-05-070809-a-b-c")
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let runs = root.appendingPathComponent("runs")
    let log = try RunLog(root: runs, name: "mnist", date: fixedDate, timeZone: utc)
    #expect(log.directory.lastPathComponent == "2024-03-05-070809-mnist")
    #expect(try listing(log.directory) == ["checkpoints"])
    // Same second, same name: a suffix keeps runs apart.
    let second = try RunLog(root: runs, name: "mnist", date: fixedDate, timeZone: utc)
    #expect(second.directory.lastPathComponent == "2024-03-05-070809-mnist-2")
    #expect(log.checkpointURL(.best).path.hasSuffix("2024-03-05-070809-mnist/checkpoints/best.safetensors"))
    #expect(log.checkpointURL(.last).lastPathComponent == "last.safetensors")
  }

  @Test func configIsPrettySortedAndAtomic() throws {
    struct Config: Encodable {
      let zeta: Int
      let alpha: String
      let rate: Double
    }
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let log = try RunLog(root: root, name: "run", date: fixedDate, timeZone: utc)
    try log.writeConfig(Config(zeta: 1, alpha: "a", rate: .nan))
    try log.writeConfig(Config(zeta: 2, alpha: "b", rate: 0.5))  // replaces
    let text = String(decoding: try Data(contentsOf: log.url(of: .config)), as: UTF8.self)
    #expect(text == "{\n  \"alpha\" : \"b\",\n  \"rate\" : 0.5,\n  \"zeta\" : 2\n}\n")
    #expect(try listing(log.directory) == ["checkpoints", "config.json"])  // no temp file left
  }

  @Test func metricsCSVHasHeaderAndParsableRows() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let log = try RunLog(root: root, name: "run", date: fixedDate, timeZone: utc)
    try log.appendEpoch(metrics(1), extra: ["val_macro_f1": 0.75, "test_extra": 1])
    try log.appendEpoch(metrics(2, trainLoss: .nan, validationLoss: .infinity), extra: ["val_macro_f1": 1e-5])
    try log.close()
    let rows = try lines(of: log.url(of: .metrics))
    #expect(
      rows == [
        "epoch,train_loss,train_acc,val_loss,val_acc,lr,seconds,samples_per_sec,test_extra,val_macro_f1",
        "1,0.5,0.875,0.25,0.9375,0.001,2.5,24000.0,1.0,0.75",
        "2,nan,0.875,inf,0.9375,0.001,2.5,24000.0,nan,1e-05",
      ])
    // Parse back: every field is a number Double understands (as pandas would).
    let values = rows.dropFirst().map { $0.split(separator: ",").map { Double(String($0)) } }
    #expect(values.allSatisfy { $0.allSatisfy { $0 != nil } })
    #expect(values[1][9] == 1e-5 && values[1][1]?.isNaN == true && values[1][3] == .infinity)
  }

  @Test func regressionColumnsAndResumedHeader() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let directory = root.appendingPathComponent("resumed")
    let first = try RunLog(directory: directory, isClassification: false)
    try first.appendEpoch(metrics(1), extra: ["val_mae": 0.5])
    try first.close()
    // Reopening the same directory appends with the existing columns, without a second header.
    let second = try RunLog(directory: directory, isClassification: false)
    try second.appendEpoch(metrics(2), extra: ["val_mae": 0.25, "unknown": 9])
    try second.close()
    let rows = try lines(of: second.url(of: .metrics))
    #expect(rows.count == 3)
    #expect(rows[0] == "epoch,train_loss,train_r2,val_loss,val_r2,lr,seconds,samples_per_sec,val_mae")
    #expect(rows[2].hasPrefix("2,") && rows[2].hasSuffix(",0.25"))
  }

  @Test func stepsAreBufferedUntilFlush() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let log = try RunLog(root: root, name: "run", date: fixedDate, timeZone: utc)
    try log.appendStep(
      step: 1, epoch: 1, loss: 2.5, learningRate: 1e-3, gradientNorm: 0.75, samplesPerSecond: 1000,
      layerGradientSquares: [0.25, 0.3125])  // per-layer norms 0.5 and √0.3125; 0.25 + 0.3125 = 0.75²
    try log.appendStep(
      step: 2, epoch: 1, loss: .nan, learningRate: 1e-3, gradientNorm: .infinity, samplesPerSecond: 1000)
    #expect(!FileManager.default.fileExists(atPath: log.url(of: .steps).path))  // still buffered
    try log.flush()
    let rows = try lines(of: log.url(of: .steps))
    #expect(
      rows == [
        #"{"step":1,"epoch":1,"loss":2.5,"lr":0.001,"grad_norm":0.75,"#
          + #""layer_grad_norms":[0.5,0.5590169943749475],"samples_per_sec":1000.0}"#,
        #"{"step":2,"epoch":1,"loss":null,"lr":0.001,"grad_norm":null,"layer_grad_norms":[],"samples_per_sec":1000.0}"#,
      ])
    for row in rows { _ = try JSONSerialization.jsonObject(with: Data(row.utf8)) }
    // An epoch row flushes steps too; close flushes the rest.
    try log.appendStep(step: 3, epoch: 2, loss: 1, learningRate: 1e-3, gradientNorm: 1, samplesPerSecond: 1)
    try log.appendEpoch(metrics(2))
    #expect(try lines(of: log.url(of: .steps)).count == 3)
    try log.appendStep(step: 4, epoch: 3, loss: 1, learningRate: 1e-3, gradientNorm: 1, samplesPerSecond: 1)
    try log.close()
    #expect(try lines(of: log.url(of: .steps)).count == 4)
    #expect(throws: RunLogError.closed(path: log.directory.path)) {
      try log.appendStep(step: 5, epoch: 3, loss: 1, learningRate: 1, gradientNorm: 1, samplesPerSecond: 1)
    }
  }

  @Test func eventsAreWrittenAtOnceOneJSONObjectPerLine() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let log = try RunLog(root: root, name: "run", date: fixedDate, timeZone: utc)
    let events = [
      EventRecord(
        TrainingEvent(
          sequence: 1, time: 1_709_622_500.25, step: 1830, epoch: 3, source: .key,
          detail: .setting(.learningRate, old: 1e-3, new: 5e-4))),
      EventRecord(
        TrainingEvent(
          sequence: 2, time: 1_709_622_600, step: 2000, epoch: 6,
          detail: .failure("results.json not written: \"disk\"\nfull"))),
    ]
    #expect(events[0].message == "lr 1.0e-3 → 5.0e-4")
    #expect(events[0].setting == "lr" && events[0].old == "1.0e-3" && events[0].new == "5.0e-4")
    try log.appendEvent(events[0])
    #expect(try lines(of: log.url(of: .events)).count == 1)  // no flush needed
    try log.appendEvent(events[1])
    let rows = try lines(of: log.url(of: .events))
    #expect(rows.count == 2)
    let decoded = try rows.map { try JSONDecoder().decode(EventRecord.self, from: Data($0.utf8)) }
    #expect(decoded == events)
    // sorted keys
    #expect(rows[0].hasPrefix(#"{"epoch":3,"kind":"command","message":"lr 1.0e-3 → 5.0e-4","new":"5.0e-4","#))
  }

  @Test func unwritableRunDirectoryThrows() throws {
    // The root is a regular file, so the run directory cannot be created under it.
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("not-a-dir")
    try Data("x".utf8).write(to: file)
    #expect(throws: RunLogError.self) { _ = try RunLog(root: file, name: "run", date: fixedDate) }
    #expect(try Data(contentsOf: file) == Data("x".utf8))
  }

  @Test func configWriteOverADirectoryThrowsAndKeepsIt() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let log = try RunLog(root: root, name: "run", date: fixedDate, timeZone: utc)
    try FileManager.default.createDirectory(at: log.url(of: .config), withIntermediateDirectories: false)
    #expect(throws: AtomicFileError.self) { try log.writeConfig(["a": 1]) }
    #expect(try listing(log.directory) == ["checkpoints", "config.json"])
  }
}

@Suite struct RunLogRewindTests {
  /// After a kill between checkpoints, resume rewinds the logs to the checkpoint: no duplicated or
  /// half-written rows, no temporary files left.
  @Test func rewindKeepsOnlyWhatTheCheckpointCovers() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let log = try RunLog(root: root, name: "run")
    for epoch in 1...5 {
      try log.appendEpoch(
        EpochMetrics(
          epoch: epoch, trainLoss: 1, trainMetric: 0.5, validationLoss: 1, validationMetric: 0.5, learningRate: 0.1,
          seconds: 1, samplesPerSecond: 10))
    }
    for step in 1...50 {
      try log.appendStep(
        step: step, epoch: 1 + step / 10, loss: 1, learningRate: 0.1, gradientNorm: 1, samplesPerSecond: 1)
    }
    try log.close()
    // A kill mid-write: half a line, and an atomic write's temporary file.
    let steps = log.url(of: .steps)
    let handle = try FileHandle(forWritingTo: steps)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"step":51,"epoch":6,"lo"#.utf8))
    try handle.close()
    let stale = log.directory.appendingPathComponent("checkpoints/.last.safetensors.tmp-1234")
    try Data("x".utf8).write(to: stale)

    let reopened = try RunLog(directory: log.directory)
    let dropped = try reopened.rewind(toEpochs: 3, step: 30)
    #expect(dropped.epochs == 2 && dropped.steps == 21)
    let metrics = try String(contentsOf: reopened.url(of: .metrics), encoding: .utf8).split(separator: "\n")
    #expect(metrics.count == 4)  // header + epochs 1–3
    #expect(metrics.last?.hasPrefix("3,") == true)
    let stepLines = try String(contentsOf: steps, encoding: .utf8).split(separator: "\n")
    #expect(stepLines.count == 30 && stepLines.last?.hasPrefix(#"{"step":30,"#) == true)
    #expect(!FileManager.default.fileExists(atPath: stale.path))
    // Appending goes on from there.
    try reopened.appendStep(step: 31, epoch: 4, loss: 1, learningRate: 0.1, gradientNorm: 1, samplesPerSecond: 1)
    try reopened.close()
    #expect(try String(contentsOf: steps, encoding: .utf8).split(separator: "\n").count == 31)
  }
}
