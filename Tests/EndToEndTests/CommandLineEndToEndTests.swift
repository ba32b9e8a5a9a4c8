import Foundation
import TestSupport
import Testing

/// Runs traintop headless in a fresh temporary directory (stdout is a pipe, so no dashboard).
func runHeadless(_ arguments: [String], in directory: URL) throws -> ProcessResult {
  try runProcess(traintop, arguments, in: directory, environment: ["TRAINTOP_DATASETS": Fixtures.datasets.path])
}

/// Starts traintop in `directory` without waiting for it (output discarded), for tests that signal
/// or kill it.
func startTraintop(_ arguments: [String], in directory: URL) throws -> Process {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: traintop)
  process.arguments = arguments
  process.currentDirectoryURL = directory
  var environment = ProcessInfo.processInfo.environment
  environment["TRAINTOP_DATASETS"] = Fixtures.datasets.path
  process.environment = environment
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  try process.run()
  return process
}

/// Decodes `--jsonl` output into one dictionary per line.
func jsonLines(_ text: String) throws -> [[String: Any]] {
  try text.split(separator: "\n").map { line in
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    return try #require(object as? [String: Any], "not a JSON object: \(line)")
  }
}

@Suite struct CommandLineEndToEndTests {
  /// `--help` documents every option with its default.
  @Test func helpListsOptionsWithDefaults() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let help = try runHeadless(["train", "--help"], in: dir)
    #expect(help.status == 0)
    for option in [
      "--model", "--activation", "--dropout", "--batchnorm", "--optimizer", "--lr", "--momentum",
      "--beta1", "--beta2", "--weight-decay", "--l1", "--l2", "--batch-size", "--epochs", "--schedule",
      "--warmup", "--patience", "--min-delta", "--monitor", "--restore-best", "--clip-norm",
      "--clip-value", "--on-nan", "--seed", "--runs-dir", "--name", "--resume", "--headless", "--jsonl",
      "--config",
    ] {
      #expect(help.standardOutput.contains(option), "help lacks \(option)")
    }
    #expect(help.standardOutput.contains("(default: adam)"))
    #expect(help.standardOutput.contains("(default: 42)"))
  }

  /// Unknown or invalid values: one line on stderr, exit code 64.
  @Test(arguments: [
    (
      ["train", "iris", "--optimizer", "adamx"],
      "The value 'adamx' is invalid for '--optimizer <optimizer>'. Please provide one of the following: "
        + "sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw"
    ),
    (
      ["train", "iris", "--epochs", "4611686018427387904"],
      "--epochs: expected a whole number in 1…10000000, got 4.611686018427388e+18"
    ),
    (["train", "iris", "--warmup", "inf"], "--warmup: expected a whole number in 0…10000000, got ∞"),
    (["train", "iris", "--scaling", "minmax", "--threads", "0"], "--threads: expected a whole number in 1…256, got 0"),
    (["train", "iris", "--lr", "abc"], "The value 'abc' is invalid for '--lr <lr>'"),
    (["train", "iris", "--model", "4-abc-3"], "--model 4-abc-3"),
    (["train", "iris", "--model", "5-16-3"], "--model 5-16-3: iris needs 4 inputs and 3 outputs, e.g. 4-64-3"),
    (["train", "iris", "--frobnicate"], "Unknown option '--frobnicate'"),
    (["train", "iris", "--momentum", "1.5"], "--momentum: expected a number in [0, 1), got 1.5"),
  ])
  func invalidValuesExit64(arguments: [String], message: String) throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try runHeadless(arguments, in: dir)
    #expect(result.status == 64, "status \(result.status): \(result.standardError)")
    #expect(result.standardError.contains(message), "stderr: \(result.standardError)")
    #expect(result.standardError.split(separator: "\n").count == 1, "more than one line: \(result.standardError)")
  }

  /// A bad data file gets a message naming file and line, and exit code 65.
  @Test func badCSVNamesFileAndLine() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent("bad.csv")
    try "a,b,label\n1,2,0\n3,4\n5,6,1\n".write(to: csv, atomically: true, encoding: .utf8)
    let result = try runHeadless(["train", csv.path], in: dir)
    #expect(result.status == 65)
    #expect(result.standardError.contains("bad.csv:3:"), "stderr: \(result.standardError)")
  }

  /// `--jsonl` prints one JSON object per epoch, then the stop reason and test metrics.
  @Test func jsonlPrintsOneObjectPerEpoch() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try runHeadless(["train", "iris", "--epochs", "3", "--jsonl"], in: dir)
    #expect(result.status == 0, "\(result.standardError)")
    let lines = try jsonLines(result.standardOutput)
    #expect(lines.count == 4)
    #expect(lines.prefix(3).map { $0["epoch"] as? Int } == [1, 2, 3])
    for key in ["loss", "acc", "val_loss", "val_acc", "lr", "samples_per_sec", "seconds"] {
      #expect(lines[0][key] is Double || lines[0][key] is Int, "no \(key)")
    }
    #expect(lines[3]["stop_reason"] as? String == "epochs done")
    #expect(lines[3]["test_accuracy"] is Double)
  }

  /// A TOML config sets options; command-line flags override it; config.json records the result.
  @Test func configFileAndOverrides() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let config = dir.appendingPathComponent("run.toml")
    try "dataset = \"iris\"\nepochs = 5\nlr = 0.05\noptimizer = \"sgd\"\nbatch-size = 10\nname = \"cfg\"\n"
      .write(to: config, atomically: true, encoding: .utf8)
    let result = try runHeadless(["train", "--config", config.path, "--epochs", "2", "--jsonl"], in: dir)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(try jsonLines(result.standardOutput).count == 3)  // 2 epochs + summary
    let runs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("runs").path)
    let run = try #require(runs.first { $0.hasSuffix("-cfg") })
    let json = try String(contentsOf: dir.appendingPathComponent("runs/\(run)/config.json"), encoding: .utf8)
    #expect(json.contains("\"learningRate\" : 0.05"))
    #expect(json.contains("\"optimizer\" : \"sgd\""))
    #expect(json.contains("\"batchSize\" : 10"))

    try "epochz = 3\n".write(to: config, atomically: true, encoding: .utf8)
    let bad = try runHeadless(["train", "--config", config.path], in: dir)
    #expect(bad.status == 64)
    #expect(bad.standardError.contains("run.toml: unknown key 'epochz'"), "\(bad.standardError)")
  }

  /// `--resume` continues from last.safetensors: epochs 3–4 equal an uninterrupted 4-epoch run's.
  @Test func resumeContinuesExactly() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let common = ["--patience", "0", "--seed", "3", "--jsonl", "--batch-size", "16"]
    let whole = try runHeadless(["train", "iris", "--epochs", "4", "--name", "whole"] + common, in: dir)
    let half = try runHeadless(["train", "iris", "--epochs", "2", "--name", "half"] + common, in: dir)
    #expect(whole.status == 0 && half.status == 0)
    let runs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("runs").path)
    let halfRun = try #require(runs.first { $0.hasSuffix("-half") })
    let resumed = try runHeadless(
      ["train", "--resume", "runs/\(halfRun)", "--epochs", "4", "--jsonl"], in: dir)
    #expect(resumed.status == 0, "\(resumed.standardError)")
    let expected = try jsonLines(whole.standardOutput).filter { ($0["epoch"] as? Int ?? 0) >= 3 }
    let actual = try jsonLines(resumed.standardOutput).filter { $0["epoch"] != nil }
    #expect(actual.map { $0["epoch"] as? Int } == [3, 4])
    for key in ["loss", "val_loss", "acc", "val_acc"] {
      #expect(actual.map { $0[key] as? Double } == expected.map { $0[key] as? Double }, "\(key) differs")
    }
    let csv = try String(contentsOf: dir.appendingPathComponent("runs/\(halfRun)/metrics.csv"), encoding: .utf8)
    #expect(csv.split(separator: "\n").count == 5)  // header + 4 epochs
  }

  /// `traintop datasets` lists the built-ins.
  @Test func listsDatasets() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try runHeadless(["datasets"], in: dir)
    #expect(result.status == 0)
    for name in ["mnist", "iris", "wine", "digits", "diabetes", "60000 train + 10000 test"] {
      #expect(result.standardOutput.contains(name))
    }
  }
}

@Suite struct EvalEndToEndTests {
  /// `eval` of a digits checkpoint on iris: a clear message naming both shapes, exit 65 (not a trap).
  @Test func evalOnAnotherDatasetSaysWhatDiffers() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let train = try runHeadless(["train", "digits", "--epochs", "1", "--name", "d"], in: dir)
    try #require(train.status == 0, "\(train.standardError)")
    let runs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("runs").path)
    let run = try #require(runs.first { $0.hasSuffix("-d") })
    let checkpoint = "runs/\(run)/checkpoints/last.safetensors"
    let same = try runHeadless(["eval", checkpoint], in: dir)
    #expect(same.status == 0, "\(same.standardError)")
    #expect(same.standardOutput.contains("accuracy:"))
    let other = try runHeadless(["eval", checkpoint, "--dataset", "iris"], in: dir)
    #expect(other.status == 65, "\(other.standardError)")
    #expect(
      other.standardError.contains(
        "the model mlp 64-256-10 relu takes 64 inputs and gives 10 outputs, but iris has 4 features and 3 classes"),
      "\(other.standardError)")
  }
}

@Suite struct FailedRunEndToEndTests {
  /// A run whose every step is non-finite has not succeeded: exit 70 with the reason, files written.
  @Test(arguments: [["--l2", "1e30"], ["--lr", "1e30", "--on-nan", "ignore"]])
  func runsThatLearnNothingFail(extra: [String]) throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try runHeadless(["train", "iris", "--epochs", "2", "--optimizer", "sgd"] + extra, in: dir)
    #expect(result.status == 70, "status \(result.status): \(result.standardError)")
    #expect(
      result.standardError.contains("no step could be taken") || result.standardError.contains("diverged"),
      "\(result.standardError)")
    let runs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("runs").path)
    #expect(runs.count == 1)
  }

  /// A CSV too small to have a validation split is refused (65), not trained and judged on itself.
  @Test func emptyValidationSplitIsBadData() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent("one.csv")
    try "a,b,label\n1,2,0\n".write(to: csv, atomically: true, encoding: .utf8)
    let result = try runHeadless(["train", csv.path, "--epochs", "1"], in: dir)
    #expect(result.status == 65, "status \(result.status): \(result.standardError)")
    #expect(result.standardError.contains("the validation split is empty"), "\(result.standardError)")
  }
}
