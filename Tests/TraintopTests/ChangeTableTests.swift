import Foundation
import NN
import TestSupport
import Testing
import Training

@testable import traintop

/// `[[change]]` tables in TOML and JSON config files, their errors, and `traintop changes`'s output
/// read back.
@Suite struct ChangeTableTests {
  private func config(_ text: String, _ name: String) throws -> (ConfigFile, URL) {
    let dir = try Fixtures.temporaryDirectory()
    let path = try ConfigFileTests.write(text, name, in: dir)
    return (try ConfigFile(path: path), dir)
  }

  private func problem(_ text: String) throws -> String {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try ConfigFileTests.write(text, "c.toml", in: dir)
    do {
      _ = try ConfigFile(path: path)
      return "accepted"
    } catch {
      return "\(error)".replacingOccurrences(of: path, with: "FILE")
    }
  }

  @Test func tomlTablesBecomeAScriptInStepOrder() throws {
    let (file, dir) = try config(
      """
      epochs = 3
      [[change]]
      step = 90
      clip-norm = "off"

      [[change]]
      step = 50
      lr = 0.003

      [[change]]   # same step: file order
      step = 50
      optimizer = "sgd"

      [[change]]
      step = 100
      undo = true
      [[change]]
      step = 110
      batch_size = 64
      """, "a.toml")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(file.values["epochs"] == .number(3))
    let script = try #require(file.changes)
    #expect(script.source == .config)
    #expect(script.changes.map(\.step) == [50, 50, 90, 100, 110])
    #expect(
      script.changes.map(\.command) == [
        .set(.learningRate, 0.003), .setOptimizer(.sgd), .set(.clipNorm, nil), .undo, .setBatchSize(64),
      ])
  }

  @Test func jsonListsAreTheSame() throws {
    let (file, dir) = try config(
      #"{"epochs": 3, "change": [{"step": 50, "lr": 0.003}, {"step": 70, "schedule": "cosine"},"#
        + #" {"step": 80, "undo": true}, {"step": 85, "dropout": 0.25}]}"#, "a.json")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(
      file.changes?.changes.map(\.command) == [
        .set(.learningRate, 0.003), .setSchedule(.cosine), .undo, .setDropout(0.25),
      ])
    let dir2 = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir2) }
    let bad = try ConfigFileTests.write(#"{"change": [{"step": 1}, {"step": 2, "lr": true}]}"#, "b.json", in: dir2)
    #expect(throws: ConfigError.self) { try ConfigFile(path: bad) }
    do { _ = try ConfigFile(path: bad) } catch {
      #expect("\(error)" == "\(bad): change 1: a change sets exactly one setting (e.g. lr = 3e-4), not none")
    }
    let flag = try ConfigFileTests.write(#"{"change": [{"step": 2, "lr": true}]}"#, "c.json", in: dir2)
    do { _ = try ConfigFile(path: flag) } catch {
      #expect("\(error)" == "\(flag): change 1: lr = true: expected a number")
    }
  }

  @Test(arguments: [
    (
      "[[change]]\nlr = 0.1\n",
      "FILE:1: change table: a change needs step = N, the whole number of steps taken before it (0 or more)"
    ),
    (
      "[[change]]\nstep = -1\nlr = 0.1\n",
      "FILE:1: change table: a change needs step = N, the whole number of steps taken before it (0 or more)"
    ),
    (
      "[[change]]\nstep = 2.5\nlr = 0.1\n",
      "FILE:1: change table: a change needs step = N, the whole number of steps taken before it (0 or more)"
    ),
    ("[[change]]\nstep = 1\n", "FILE:1: change table: a change sets exactly one setting (e.g. lr = 3e-4), not none"),
    (
      "[[change]]\nstep = 1\nlr = 0.1\nmomentum = 0.5\n",
      "FILE:1: change table: a change sets exactly one setting (e.g. lr = 3e-4), not lr, momentum"
    ),
    (
      "\n[[change]]\nstep = 1\nmodel = \"mlp\"\n", "FILE:2: change table: a change cannot set 'model': expected one of "
    ),
    ("[[change]]\nstep = 1\nlr = -0.1\n", "FILE:1: change table: lr = -0.1: expected a positive number"),
    ("[[change]]\nstep = 1\nlr = \"off\"\n", "FILE:1: change table: lr = \"off\": expected a number"),
    (
      "[[change]]\nstep = 1\noptimizer = \"adamax\"\n",
      "FILE:1: change table: optimizer = \"adamax\": expected one of sgd, "
    ),
    ("[[change]]\nstep = 1\nundo = false\n", "FILE:1: change table: undo: expected undo = true"),
    ("[[change]]\nstep = 1\nepochs = 0\n", "FILE:1: change table: epochs = 0: expected a whole number in 1…"),
    ("[[changes]]\nstep = 1\n", "FILE:1: only [[model.layers]], [[change]] and a search's [space] tables"),
  ])
  func badTablesNameTheLineAndTheProblem(text: String, message: String) throws {
    let got = try problem(text)
    #expect(got.hasPrefix(message), "\(got)")
  }

  /// What `traintop changes` writes is read back as the same script.
  @Test func exportedTablesReadBackAsTheSameScript() throws {
    let script = ReplayScript(
      changes: [
        (12, .set(.learningRate, 0.1 + 0.2)), (12, .setOptimizer(.rmsprop)), (40, .set(.clipValue, nil)),
        (41, .setEpochs(7)), (55, .undo), (60, .setDropout(0.125)), (61, .setBatchSize(16)),
        (70, .setSchedule(.onecycle)), (80, .set(.momentum, 0.95)),
      ], source: .config)
    let text = ChangesCommand.file(script, run: "r", commandLine: ["/bin/traintop", "train", "digits"])
    #expect(text.contains("#   traintop train digits\n"))
    #expect(text.contains("[[change]]\nstep = 12\nlr = 0.30000000000000004\n"))
    let (file, dir) = try config(text, "x.toml")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(file.changes == script)
  }

  @Test func replayAndChangeTablesDoNotMix() throws {
    let (file, dir) = try config("[[change]]\nstep = 1\nlr = 0.1\n", "a.toml")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(throws: (any Error).self) {
      try RunPlan(options: TrainOptions.parse(["digits", "--replay", "runs/x"]), config: file)
    }
    let plan = try RunPlan(options: TrainOptions.parse(["digits"]), config: file)
    #expect(plan.changes?.script.changes.count == 1)
  }
}
