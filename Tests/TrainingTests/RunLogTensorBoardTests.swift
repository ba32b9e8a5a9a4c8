import Foundation
import TensorBoard
import TestSupport
import Testing

@testable import Training

/// The TFRecord payloads of a file, checking each record's framing lengths (the CRCs and the
/// protobuf contents are checked in TensorBoardTests and by TensorBoard's own reader end to end).
private func payloads(_ url: URL) throws -> [Data] {
  let bytes = [UInt8](try Data(contentsOf: url))
  var out: [Data] = []
  var i = 0
  while i + 12 <= bytes.count {
    let length = (0..<8).reduce(0) { $0 | Int(bytes[i + $1]) << ($1 * 8) }
    try #require(i + 16 + length <= bytes.count, "record at \(i) runs past the end")
    out.append(Data(bytes[(i + 12)..<(i + 12 + length)]))
    i += 16 + length
  }
  #expect(i == bytes.count)
  return out
}

@Suite struct RunLogTensorBoardTests {
  private func metrics(_ epoch: Int) -> EpochMetrics {
    EpochMetrics(
      epoch: epoch, trainLoss: 1, trainMetric: 0.5, validationLoss: 1.5, validationMetric: 0.25, learningRate: 0.1,
      seconds: 2, samplesPerSecond: 100)
  }

  private func step(_ log: RunLog, _ n: Int) throws {
    try log.appendStep(
      step: n, epoch: 1, loss: 2, learningRate: 0.1, gradientNorm: 1, samplesPerSecond: 10,
      layerGradientSquares: [0.5, 0.5], momentum: 0.9)
  }

  @Test func recordsFollowTheTextLogsInOrder() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let log = try RunLog(root: root, name: "tb")
    #expect(log.tensorBoardURL == nil)  // nothing until the trainer starts it
    try log.startTensorBoard(layerNames: ["dense1 256", "dense2 10"], hyperparameters: ["lr": .number(0.1)])
    let url = try #require(log.tensorBoardURL)
    #expect(url.lastPathComponent.hasPrefix("events.out.tfevents."))
    try step(log, 1)
    try step(log, 2)
    try log.appendEpoch(metrics(1))
    let event = TrainingEvent(sequence: 1, time: 5, step: 2, epoch: 1, detail: .autoPaused("hello"))
    try log.appendEvent(EventRecord(event))
    try log.endTensorBoard(succeeded: true)
    try log.close()
    let records = try payloads(url)
    // version, hparams, 2 steps, 1 epoch, 1 text, session end.
    #expect(records.count == 7)
    #expect(String(decoding: records[0], as: UTF8.self).contains("brain.Event:2"))
    #expect(String(decoding: records[1], as: UTF8.self).contains("_hparams_/session_start_info"))
    #expect(String(decoding: records[2], as: UTF8.self).contains("grad_norm/dense2"))
    #expect(String(decoding: records[2], as: UTF8.self).contains("step/momentum"))
    #expect(String(decoding: records[4], as: UTF8.self).contains("epoch/val_acc"))
    #expect(String(decoding: records[5], as: UTF8.self).contains("hello"))
    #expect(String(decoding: records[6], as: UTF8.self).contains("_hparams_/session_end_info"))
  }

  @Test func offWritesNoEventFile() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let log = try RunLog(root: root, name: "tb", tensorBoard: false)
    try log.startTensorBoard(layerNames: [], hyperparameters: [:])
    try step(log, 1)
    try log.close()
    #expect(log.tensorBoardURL == nil)
    let files = try FileManager.default.contentsOfDirectory(atPath: log.directory.path)
    #expect(!files.contains { $0.contains("tfevents") })
  }

  /// A resume opens a second file whose first record after the start is a SessionLog START one
  /// step past the checkpoint, so TensorBoard drops the first file's rewound steps.
  @Test func rewindMarksARestart() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let first = try RunLog(root: root, name: "tb")
    try first.startTensorBoard(layerNames: [], hyperparameters: [:], time: Date(timeIntervalSince1970: 100))
    for n in 1...5 { try step(first, n) }
    try first.close()
    let second = try RunLog(directory: first.directory)
    try second.startTensorBoard(layerNames: [], hyperparameters: [:], time: Date(timeIntervalSince1970: 200))
    _ = try second.rewind(toEpochs: 0, step: 3)
    try second.close()
    let url = try #require(second.tensorBoardURL)
    #expect(url != first.tensorBoardURL)
    let records = try payloads(url)
    #expect(records.count == 3)  // version, hparams, restart
    // Event.step (field 2) = 4 and session_log (field 7) { status (field 1) = START (1) }.
    #expect(records[2].range(of: Data([0x10, 0x04])) != nil)
    #expect(records[2].range(of: Data([0x3A, 0x02, 0x08, 0x01])) != nil)
  }
}
