import Foundation
import TestSupport
import Testing

/// `--from` a parent run with `--freeze`: the child starts from the parent's best weights, the
/// frozen layer never moves, config.json and `traintop runs` name the parent; bad uses are refused
/// before anything is written.
@Suite struct FineTuneEndToEndTests {
  /// The float32 tensor `name` of a safetensors file, as raw bytes (enough to compare bit for bit).
  func tensorBytes(_ url: URL, _ name: String) throws -> Data {
    let data = try Data(contentsOf: url)
    let headerLength = Int(data.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self).littleEndian })
    let header = try #require(
      try JSONSerialization.jsonObject(with: data.subdata(in: 8..<(8 + headerLength))) as? [String: Any])
    let entry = try #require(header[name] as? [String: Any], "no \(name) in \(url.lastPathComponent)")
    let offsets = try #require(entry["data_offsets"] as? [Int])
    return data.subdata(in: (8 + headerLength + offsets[0])..<(8 + headerLength + offsets[1]))
  }

  @Test func childStartsFromTheParentAndItsFrozenLayerStays() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    let parentRun = try runHeadless(
      ["train", "digits", "--epochs", "3", "--runs-dir", runs.path, "--name", "p"], in: dir)
    try #require(parentRun.status == 0, "\(parentRun.standardError)")
    let parent = runs.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: runs.path)[0])
    let child = try runHeadless(
      [
        "train", "digits", "--epochs", "2", "--runs-dir", runs.path, "--name", "q", "--from", parent.path,
        "--freeze", "dense1",
      ], in: dir)
    try #require(child.status == 0, "\(child.standardError)")
    let childDir = try #require(
      try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasSuffix("-q") })
    let best = parent.appendingPathComponent("checkpoints/best.safetensors")
    let last = runs.appendingPathComponent(childDir + "/checkpoints/last.safetensors")
    // dense1 (layers.0) is frozen: the child's weights are the parent's best, bit for bit; dense2 learned on.
    #expect(try tensorBytes(last, "layers.0.weight") == tensorBytes(best, "layers.0.weight"))
    #expect(try tensorBytes(last, "layers.0.bias") == tensorBytes(best, "layers.0.bias"))
    #expect(try tensorBytes(last, "layers.2.weight") != tensorBytes(best, "layers.2.weight"))
    let config = try String(contentsOf: runs.appendingPathComponent(childDir + "/config.json"), encoding: .utf8)
    #expect(config.contains("\"parent\"") && config.contains(best.path.replacingOccurrences(of: "/", with: "\\/")))
    // The parent's best epoch is its last: 3 epochs of 40 batches.
    let events = try String(contentsOf: runs.appendingPathComponent(childDir + "/events.jsonl"), encoding: .utf8)
    #expect(events.contains("weights from \(best.path.replacingOccurrences(of: "/", with: "\\/")) (step 120)"))
    let table = try runHeadless(["runs", "--runs-dir", runs.path], in: dir)
    #expect(table.standardOutput.contains(parent.lastPathComponent + "@120"))
  }

  @Test func badUsesAreRefusedBeforeAnythingIsWritten() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    _ = try runHeadless(["train", "digits", "--epochs", "1", "--runs-dir", runs.path, "--name", "p"], in: dir)
    let parent = runs.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: runs.path)[0])
    func refused(_ extra: [String], status: Int32, _ message: String) throws {
      let result = try runHeadless(["train", "digits", "--epochs", "1", "--runs-dir", runs.path] + extra, in: dir)
      #expect(result.status == status, "\(extra): \(result.standardError)")
      #expect(result.standardError.contains(message), "\(extra): \(result.standardError)")
    }
    try refused(
      ["--from", parent.path, "--model", "64-32-10"], status: 65,
      "checkpoint tensor 'layers.0.weight' has shape [256, 64], the model needs [32, 64]")
    try refused(["--from", dir.appendingPathComponent("nope").path], status: 66, "no such run directory or checkpoint")
    try refused(["--freeze", "conv1"], status: 64, "no layer with weights is 'conv1'")
    try refused(
      ["--from", parent.path, "--from-optimizer", "--optimizer", "sgd"], status: 64,
      "holds adam state, this run uses sgd")
    try refused(["--reset-head"], status: 64, "--from-optimizer and --reset-head go with --from RUN")
    #expect(try FileManager.default.contentsOfDirectory(atPath: runs.path).count == 1)  // only the parent
  }
}

/// `--replay RUN` from the command line: the recorded change is applied at its step (the exact
/// reproduction itself is `ReplayTests`); a run with other options is refused, naming the difference.
@Suite struct ReplayEndToEndTests {
  @Test func appliesTheRecordedChangesAndRefusesAnotherConfiguration() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let runs = dir.appendingPathComponent("runs")
    let first = try runHeadless(["train", "digits", "--epochs", "2", "--runs-dir", runs.path, "--name", "a"], in: dir)
    try #require(first.status == 0, "\(first.standardError)")
    let original = runs.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: runs.path)[0])
    // The change a person made at step 5 with `:lr 2e-3`, as events.jsonl records it.
    let handle = try FileHandle(forWritingTo: original.appendingPathComponent("events.jsonl"))
    handle.seekToEndOfFile()
    handle.write(
      Data(
        ("{\"epoch\":1,\"kind\":\"command\",\"message\":\"lr 1.0e-3 → 2.0e-3\",\"new\":\"2.0e-3\",\"old\":\"1.0e-3\","
          + "\"sequence\":99,\"setting\":\"lr\",\"source\":\"prompt\",\"step\":5,\"time\":0,\"value\":0.002}\n").utf8))
    try handle.close()
    let replay = try runHeadless(
      ["train", "digits", "--epochs", "2", "--runs-dir", runs.path, "--name", "b", "--replay", original.path], in: dir)
    try #require(replay.status == 0, "\(replay.standardError)")
    let copy = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasSuffix("-b") })
    let events = try String(contentsOf: runs.appendingPathComponent(copy + "/events.jsonl"), encoding: .utf8)
    #expect(events.contains("replaying 1 manual change of \(original.lastPathComponent) at their steps"))
    #expect(events.contains("\"message\":\"lr 1.0e-3 → 2.0e-3\"") && events.contains("\"source\":\"replay\""))
    #expect(events.contains("\"step\":5"))

    let other = try runHeadless(
      ["train", "digits", "--epochs", "3", "--runs-dir", runs.path, "--replay", original.path], in: dir)
    #expect(other.status == 64)
    #expect(other.standardError.contains("the run used epochs 2, this one 3; give the run's options"))
  }
}
