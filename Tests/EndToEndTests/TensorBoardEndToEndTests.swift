import Foundation
import TestSupport
import Testing

/// Whether TensorBoard's Python package imports (`make test`'s set-up installs it with pip).
private let pythonHasTensorBoard: Bool =
  (try? runProcess("/usr/bin/env", ["python3", "-c", "import tensorboard"]).status) == 0

/// A run's TensorBoard event file read back by TensorBoard's own `EventAccumulator`
/// (`Tests/Fixtures/tensorboard/read_events.py`) and compared with the run's text logs.
@Suite(.enabled(if: pythonHasTensorBoard, "python3 cannot import tensorboard (pip install tensorboard)"))
struct TensorBoardEndToEndTests {
  struct Read: Decodable {
    var scalars: [String: [[Double]]]
    var texts: [Text]?
    var hparams: [String: HParam]
    var status: Int?
    var text_plugin: Bool
  }

  struct Text: Decodable {
    var step: Int
    var text: String
  }

  enum HParam: Decodable, Equatable {
    case number(Double)
    case text(String)
    init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let x = try? c.decode(Double.self) { self = .number(x) } else { self = .text(try c.decode(String.self)) }
    }
  }

  @Test func tensorBoardReadsWhatTheRunLogged() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    let result = try runHeadless(
      [
        "train", "digits", "--epochs", "3", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05",
        "--runs-dir", runs.path, "--name", "tb",
      ], in: dir)
    try #require(result.status == 0, "\(result.standardError)")
    let run = try #require(try FileManager.default.contentsOfDirectory(at: runs, includingPropertiesForKeys: nil).first)
    let files = try FileManager.default.contentsOfDirectory(atPath: run.path)
    #expect(files.filter { $0.hasPrefix("events.out.tfevents.") }.count == 1)

    let reader = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/tensorboard/read_events.py").path
    let output = try runProcess("/usr/bin/env", ["python3", reader, run.path])
    try #require(output.status == 0, "\(output.standardError)")
    let read = try JSONDecoder().decode(Read.self, from: Data(output.standardOutput.utf8))

    // Epoch scalars equal metrics.csv's columns (to float32, TensorBoard's scalar type), at the epoch.
    let csv = try String(contentsOf: run.appendingPathComponent("metrics.csv"), encoding: .utf8)
      .split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    for (column, name) in csv[0].enumerated().dropFirst() where name != "seconds" && name != "samples_per_sec" {
      let points = try #require(read.scalars["epoch/\(name)"], "no epoch/\(name)")
      #expect(points.map { $0[0] } == [1, 2, 3])
      for (row, point) in zip(csv.dropFirst(), points) {
        let expected = try #require(Double(row[column]))
        #expect(abs(point[1] - expected) <= 1e-6 * max(1, abs(expected)), "epoch/\(name)")
      }
    }
    // One step scalar per steps.jsonl line: loss, rate, momentum, norms per layer.
    let steps = try String(contentsOf: run.appendingPathComponent("steps.jsonl"), encoding: .utf8)
      .split(separator: "\n").compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    #expect(steps.count == 3 * 40)
    for tag in ["step/loss", "step/lr", "step/grad_norm", "step/momentum", "grad_norm/dense1", "grad_norm/dense2"] {
      #expect(read.scalars[tag]?.count == steps.count, "\(tag)")
    }
    let lastLoss = try #require(steps.last?["loss"] as? Double)
    #expect(abs((read.scalars["step/loss"]?.last?[1] ?? 0) - lastLoss) <= 1e-6 * max(1, lastLoss))
    #expect(read.scalars["step/momentum"]?.allSatisfy { abs($0[1] - 0.9) < 1e-6 } == true)

    // Every event as text, in order; the hyper-parameters; a successful end.
    let events = try String(contentsOf: run.appendingPathComponent("events.jsonl"), encoding: .utf8)
      .split(separator: "\n").compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    #expect(read.texts?.map(\.text) == events.compactMap { $0["message"] as? String })
    #expect(read.texts?.map(\.step) == events.compactMap { $0["step"] as? Int })
    #expect(read.text_plugin)
    #expect(read.hparams["optimizer"] == .text("momentum") && read.hparams["model"] == .text("mlp 64-256-10 relu"))
    #expect(read.hparams["lr"] == .number(0.05) && read.hparams["momentum"] == .number(0.9))
    #expect(read.hparams["epochs"] == .number(3) && read.hparams["dataset"] == .text("digits"))
    #expect(read.status == 1)  // tensorboard.hparams.Status.STATUS_SUCCESS

    let off = try runHeadless(
      ["train", "digits", "--epochs", "1", "--runs-dir", runs.path, "--name", "off", "--tensorboard", "off"], in: dir)
    try #require(off.status == 0, "\(off.standardError)")
    let offRun = try #require(
      try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasSuffix("-off") })
    let offFiles = try FileManager.default.contentsOfDirectory(atPath: runs.appendingPathComponent(offRun).path)
    #expect(!offFiles.contains { $0.contains("tfevents") } && offFiles.contains("metrics.csv"))
  }
}
