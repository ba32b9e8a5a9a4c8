import ArgumentParser
import Foundation
import Search
import TestSupport
import Testing
import Training

@testable import traintop

/// `traintop search`'s inputs: `--vary` and `[space]` spellings, the bad spaces it refuses, and
/// the files it writes read back (trials.csv, best.toml).
@Suite struct SearchPlanTests {
  /// The plan for `arguments` (flag-value pairs), split between the search's and train's options.
  static func plan(_ arguments: [String]) throws -> SearchPlan {
    var searchArgs: [String] = []
    var trainArgs: [String] = []
    var index = 0
    while index < arguments.count {
      let flag = arguments[index]
      let name = String(flag.dropFirst(2))
      let isSearch = name == "vary" || name == "space" || SearchKey(rawValue: name) != nil
      let pair = Array(arguments[index..<min(index + 2, arguments.count)])
      if isSearch { searchArgs += pair } else { trainArgs += pair }
      index += 2
    }
    return try SearchPlan(search: SearchOptions.parse(searchArgs), train: TrainOptions.parse(trainArgs))
  }

  @Test func varySpellings() throws {
    let (lr, logRange) = try SpaceParser.vary("lr=1e-4..1e-1:log:4")
    #expect(lr == .knob(.learningRate))
    #expect(logRange == .range(low: 1e-4, high: 1e-1, log: true, integer: false, points: 4))
    #expect(
      try SpaceParser.vary("dropout=0..0.5").1 == .range(low: 0, high: 0.5, log: false, integer: false, points: nil))
    // Whole-number options are searched over whole numbers.
    #expect(
      try SpaceParser.vary("batch-size=16..256:log").1
        == .range(low: 16, high: 256, log: true, integer: true, points: nil))
    #expect(try SpaceParser.vary("batch-size=32,64").1 == .choice([.number(32), .number(64)]))
    #expect(try SpaceParser.vary("optimizer=adam,sgd").1 == .choice([.text("adam"), .text("sgd")]))
    // The spelling is kept as search.json stores it.
    #expect(SpaceParser.text(logRange) == "0.0001..0.1:log:4")
  }

  @Test func badSpacesAreRefusedByName() {
    let cases: [(String, String)] = [
      ("nonsense=1..2", "nonsense: not a train option"),
      ("lr=1..1", "lr: the range 1.0..1.0 is empty or reversed"),
      ("lr=1e-1..1e-4", "empty or reversed"),
      ("lr=0..1e-1:log", "lr: the bound 0.0 is out of range"),
      ("dropout=-1..0.5:log", "dropout: the bound -1.0 is out of range"),
      ("optimizer=1..2", "optimizer: takes no number"),
      ("lr=0.1", "expected LOW..HIGH[:log][:N] or at least two choices"),
      ("runs-dir=a,b", "runs-dir: says where or how a run is shown"),
      ("lr=1e-4..1e-1:cubic", "expected :log and/or :N"),
    ]
    for (text, expected) in cases {
      do {
        _ = try SpaceParser.vary(text)
        Issue.record("\(text) was accepted")
      } catch {
        #expect("\(error)".contains(expected), "\(text): \(error)")
      }
    }
  }

  @Test func theIssuesSpaceFileReads() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("space.toml")
    try """
    trials = 40
    strategy = "tpe"            # grid | random | tpe
    metric = "val_accuracy"     # direction follows the metric, as early stopping's mode=auto
    parallel = 2
    pruner = "asha"             # none | median | asha
    epochs = 3
    [space]
    lr = { log-uniform = [1e-4, 1e-1] }
    dropout = { uniform = [0.0, 0.5] }
    batch-size = { choice = [32, 64, 128] }
    model = { choice = ["64-128-10", "64-256-128-10"] }
    optimizer = { choice = ["adam", "sgd", "rmsprop"] }
    """.write(to: file, atomically: true, encoding: .utf8)
    let plan = try Self.plan(["--space", file.path, "--dataset", "digits"])
    #expect(plan.settings.trials == 40 && plan.settings.strategy == .tpe && plan.settings.parallel == 2)
    #expect(plan.settings.metric == .validationAccuracy && plan.settings.direction == .maximize)
    #expect(plan.settings.pruner == .asha)
    #expect(plan.fixed["epochs"] == .number(3) && plan.fixed["dataset"] == .string("digits"))
    let space = try plan.searchSpace()
    #expect(space.names == ["batch-size", "dropout", "lr", "model", "optimizer"])
    #expect(space["lr"] == .range(low: 1e-4, high: 1e-1, log: true, integer: false, points: nil))
    #expect(space["model"] == .choice([.text("64-128-10"), .text("64-256-128-10")]))
    // Flags win over the file.
    let flagged = try Self.plan(["--space", file.path, "--dataset", "digits", "--trials", "5", "--pruner", "none"])
    #expect(flagged.settings.trials == 5 && flagged.settings.pruner == PrunerKind.none)
  }

  @Test func aJSONSearchFileReads() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("space.json")
    try """
    {"trials": 5, "strategy": "random", "epochs": 2,
     "space": {"batchnorm": {"choice": [true, false]}, "lr": {"log-uniform": [0.0001, 0.1], "points": 3}}}
    """.write(to: file, atomically: true, encoding: .utf8)
    let plan = try Self.plan(["--space", file.path, "--dataset", "digits"])
    #expect(plan.settings.trials == 5 && plan.settings.strategy == .random && plan.fixed["epochs"] == .number(2))
    let space = try plan.searchSpace()
    #expect(space["batchnorm"] == .choice([.text("true"), .text("false")]))
    #expect(space["lr"] == .range(low: 1e-4, high: 0.1, log: true, integer: false, points: 3))
    let trial = try plan.trialPlan(["batchnorm": .text("true"), "lr": .number(0.01)], origin: "trial 0")
    #expect(trial.trainer.settings.learningRate == 0.01)
  }

  @Test func badSpaceTablesNameTheLine() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let cases: [(String, String)] = [
      ("lr = { log-uniform = [0, 1e-1] }", ":2: [space] lr: the bound 0.0 is out of range"),
      ("lr = { uniform = [1e-1] }", ":2: [space] lr: uniform: expected [LOW, HIGH]"),
      ("lr = { gaussian = [1, 2] }", "unknown distribution 'gaussian'"),
      ("lr = { uniform = [1e-4, 1e-1], choice = [1] }", "give exactly one of"),
      ("optimizer = { uniform = [1, 2] }", "optimizer: takes no number"),
      ("lr = { uniform = [1e-4, 1e-1 }", "expected ',' or ']'"),
    ]
    for (line, expected) in cases {
      let file = dir.appendingPathComponent("bad.toml")
      try "[space]\n\(line)\n".write(to: file, atomically: true, encoding: .utf8)
      do {
        _ = try Self.plan(["--space", file.path, "--dataset", "digits"])
        Issue.record("\(line) was accepted")
      } catch {
        #expect("\(error)".contains(expected), "\(line): \(error)")
      }
    }
  }

  @Test func searchedAndFixedAtOnceIsRefused() {
    #expect(throws: CLIError.self) { try Self.plan(["--vary", "lr=1e-4..1e-1", "--lr", "0.1", "--dataset", "digits"]) }
    #expect(throws: CLIError.self) { try Self.plan(["--dataset", "digits"]) }
    // A grid over a continuous range needs a point count.
    #expect(throws: CLIError.self) {
      try Self.plan(["--vary", "lr=1e-4..1e-1", "--strategy", "grid", "--dataset", "digits"])
    }
    // Cross-validated trials are not pruned epoch by epoch.
    #expect(throws: CLIError.self) {
      try Self.plan(["--vary", "lr=1e-4..1e-1", "--folds", "3", "--pruner", "asha", "--dataset", "iris"])
    }
  }

  @Test func trialsCSVRoundTrips() throws {
    let space = SearchSpace([
      .init(name: "lr", distribution: .range(low: 1e-4, high: 1e-1, log: true, integer: false, points: nil)),
      .init(name: "model", distribution: .choice([.text("64-128-10"), .text("64-32-10")])),
      .init(name: "batch-size", distribution: .choice([.number(32), .number(64)])),
    ])
    var a = Trial(
      number: 0, parameters: ["lr": .number(0.0012345), "model": .text("64-128-10"), "batch-size": .number(32)])
    a.state = .complete
    a.objective = 0.9712
    a.epochs = 5
    a.seconds = 3.25
    var b = Trial(number: 1, parameters: ["lr": .number(0.05), "model": .text("64-32-10"), "batch-size": .number(64)])
    b.state = .failed
    b.reason = "stopped: non-finite, \"twice\""
    b.seconds = 0.5
    let text = TrialsFile.text([a, b], names: space.names)
    #expect(text.hasPrefix("number,state,lr,model,batch-size,objective,epochs,seconds,reason\n0,complete,0.0012345,"))
    #expect(text.contains(#""stopped: non-finite, ""twice""""#))
    let back = try TrialsFile.parse(text, space: space, path: "trials.csv")
    #expect(back.map(\.parameters) == [a.parameters, b.parameters])
    #expect(back.map(\.state) == [.complete, .failed] && back[0].objective == 0.9712 && back[1].reason == b.reason)
    #expect(back.map(\.epochs) == [5, 0] && back.map(\.seconds) == [3.25, 0.5])
    #expect(throws: CLIError.self) { try TrialsFile.parse("number,state\n", space: space, path: "t.csv") }
    #expect(throws: CLIError.self) { try TrialsFile.parse(text + "2,\"complete", space: space, path: "t.csv") }
    #expect(throws: CLIError.self) {
      try TrialsFile.parse(text.replacingOccurrences(of: "\n1,failed", with: "\n7,failed"), space: space, path: "t.csv")
    }
  }

  /// What `TOMLText` writes, `TOMLReader` reads back as it was.
  @Test func tomlTextRoundTrips() throws {
    for text in ["plain", "a \"quoted\" word", "back\\slash", "tab\tand\nnewline", "bell\u{7}"] {
      let parsed = try TOMLReader.parse("key = " + TOMLText.string(text))
      #expect(parsed["key"] as? String == text)
    }
    #expect(TOMLText.value(.number(0.000123456789)) == "0.000123456789" && TOMLText.value(.number(64)) == "64")
  }

  /// best.toml, read by `train --config`, gives the best trial's own run plan.
  @Test func bestConfigRoundTrips() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = try Self.plan([
      "--vary", "lr=1e-4..1e-1:log", "--vary", "optimizer=adam,sgd", "--vary", "batchnorm=true,false",
      "--dataset", "digits", "--epochs", "3", "--model", "64-32-10", "--name", "tuned",
    ])
    var trial = Trial(
      number: 4, parameters: ["lr": .number(0.000123456789), "optimizer": .text("sgd"), "batchnorm": .text("true")])
    trial.objective = 0.25
    let file = dir.appendingPathComponent("best.toml")
    try BestConfig.text(trial, plan: plan, objective: "val_loss 0.2500").write(
      to: file, atomically: true, encoding: .utf8)
    var fromFile = try RunPlan(options: TrainOptions.parse([]), config: ConfigFile(path: file.path))
    var expected = try plan.trialPlan(trial.parameters, origin: "trial 4")
    #expect(fromFile.name == "tuned-best")
    fromFile.name = expected.name
    expected.headless = false
    #expect(fromFile == expected)
    #expect(fromFile.trainer.settings.learningRate == 0.000123456789 && fromFile.trainer.optimizer == .sgd)
  }
}
