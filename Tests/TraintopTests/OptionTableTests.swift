import ArgumentParser
import Foundation
import TestSupport
import Testing
import Training

@testable import traintop

/// The option table: every option works the same on the command line and in TOML and JSON files.
@Suite struct OptionTableTests {
  /// A valid sample for every option (with any companion options it needs), as TOML/JSON values.
  static func sample(_ key: OptionKey) -> [(OptionKey, OptionValue)] {
    switch key {
    case .trainImages, .trainLabels:
      return [(.trainImages, .string("a.gz")), (.trainLabels, .string("b.gz"))]
    case .testImages, .testLabels:
      return [
        (.trainImages, .string("a.gz")), (.trainLabels, .string("b.gz")),
        (.testImages, .string("c.gz")), (.testLabels, .string("d.gz")),
      ]
    case .dataset: return [(key, .string("wine"))]
    case .labelColumn: return [(key, .string("species"))]
    case .delimiter: return [(key, .string(";"))]
    case .impute: return [(key, .string("mean"))]
    case .task: return [(key, .string("regression"))]
    case .scaling: return [(key, .string("minmax"))]
    case .model: return [(key, .string("4-8-3"))]
    case .folds: return [(key, .string("5"))]
    case .inputShape: return [(key, .string("1x2x2")), (.model, .string("conv2k2-relu-flatten-dense3"))]
    // The MLP options need an MLP (mnist's default model is a convnet).
    case .activation: return [(key, .string("tanh")), (.model, .string("mlp"))]
    case .dropout: return [(key, .number(0.375)), (.model, .string("mlp"))]
    case .batchNorm: return [(key, .bool(true)), (.model, .string("mlp"))]
    case .initializer: return [(key, .string("he_normal"))]
    case .loss: return [(key, .string("hinge"))]
    case .optimizer: return [(key, .string("rmsprop"))]
    case .schedule: return [(key, .string("cosine"))]
    case .monitor: return [(key, .string("val_accuracy"))]
    case .onNan: return [(key, .string("stop"))]
    case .plateauConvention: return [(key, .string("pytorch"))]
    case .runsDir: return [(key, .string("elsewhere"))]
    case .name: return [(key, .string("trial"))]
    case .resume: return [(key, .string("runs/x"))]
    case .restoreBest: return [(key, .bool(true))]
    case .baseline, .divergenceThreshold: return [(key, .number(0.75))]
    case .alert(.overfitEpochs): return [(key, .number(5))]  // the range's sample, 3, is the default
    case .onAlert: return [(key, .string("stall=lr*0.5,loss-spike=stop"))]
    case .color: return [(key, .string("never"))]
    case .tensorboard: return [(key, .string("off"))]
    case .from, .replay, .compare: return [(key, .string("runs/parent"))]
    case .fromOptimizer, .resetHead: return [(key, .bool(true)), (.from, .string("runs/parent"))]
    case .freeze: return [(key, .string("dense1,0"))]
    case .keepCheckpoints: return [(key, .number(3)), (.saveEvery, .number(2))]
    case .theme: return [(key, .string("light"))]
    default:
      if key.isSwitch { return [(key, .bool(true))] }
      guard let range = key.range else { return [] }
      return [(key, .number(Self.inside(range)))]
    }
  }

  /// A number inside `range` that differs from traintop's defaults.
  static func inside(_ range: ValueRange) -> Double {
    switch range {
    case .positive, .nonNegative, .greaterThanOne, .finite: 3
    case .unitInterval, .openUnitInterval, .closedUnitInterval, .leftOpenUnitInterval: 0.375
    case .closed(let low, let high): (low + high) / 2
    case .whole(let low, let high): Double(min(high, low + 3))
    }
  }

  static func argument(_ value: OptionValue) -> [String] {
    switch value {
    case .string(let s): [s]
    case .number(let n): [Format.exact(n)]
    case .bool: []
    }
  }

  static func toml(_ value: OptionValue) -> String {
    switch value {
    case .string(let s): "\"\(s)\""
    case .number(let n): Format.exact(n).contains("e") || Format.exact(n).contains(".") ? "\(n)" : Format.exact(n)
    case .bool(let b): b ? "true" : "false"
    }
  }

  static func json(_ value: OptionValue) -> String {
    switch value {
    case .string(let s): "\"\(s)\""
    case .number(let n): "\(n)"
    case .bool(let b): b ? "true" : "false"
    }
  }

  static func plan(arguments: [String], config: ConfigFile = ConfigFile()) throws -> RunPlan {
    try RunPlan(options: TrainOptions.parse(arguments), config: config)
  }

  @Test func everyOptionHasTheSameEffectOnTheCommandLineAndInTOMLAndJSON() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let defaults = try Self.plan(arguments: [])
    for key in OptionKey.allCases {
      let pairs = Self.sample(key)
      #expect(!pairs.isEmpty, "no sample for \(key.name)")
      let arguments = pairs.flatMap { [$0.0.flag] + Self.argument($0.1) }
      let fromFlags = try Self.plan(arguments: arguments)
      let tomlFile = dir.appendingPathComponent("\(key.name).toml")
      try pairs.map { "\($0.0.name) = \(Self.toml($0.1))" }.joined(separator: "\n")
        .write(to: tomlFile, atomically: true, encoding: .utf8)
      let jsonFile = dir.appendingPathComponent("\(key.name).json")
      try ("{" + pairs.map { "\"\($0.0.name)\": \(Self.json($0.1))" }.joined(separator: ", ") + "}")
        .write(to: jsonFile, atomically: true, encoding: .utf8)
      let fromTOML = try Self.plan(arguments: [], config: ConfigFile(path: tomlFile.path))
      let fromJSON = try Self.plan(arguments: [], config: ConfigFile(path: jsonFile.path))
      #expect(fromFlags == fromTOML, "\(key.name): flags and TOML differ")
      #expect(fromFlags == fromJSON, "\(key.name): flags and JSON differ")
      #expect(fromFlags != defaults, "\(key.name): the sample has no effect")
    }
  }

  @Test func configKeysAreTheOptionNamesWithUnderscoresAccepted() throws {
    // Every option name is a config key, and names are unique.
    for key in OptionKey.allCases { #expect(OptionKey(name: key.name) == key, "\(key.name)") }
    #expect(Set(OptionKey.allCases.map(\.name)).count == OptionKey.allCases.count)
    #expect(OptionKey(name: "batch_size") == .batchSize)
    #expect(OptionKey(name: "lr") == .knob(.learningRate))
    #expect(OptionKey(name: "weight_decay") == .knob(.weightDecay))
    #expect(OptionKey(name: "frobnicate") == nil)
    // Every option is in --help under its flag.
    let help = TrainCommand.helpMessage(columns: 200)
    for key in OptionKey.allCases {
      #expect(help.contains(key.flag + " ") || help.contains(key.flag + "/"), "\(key.flag) not in help")
    }
  }

  @Test func flagsWinOverTheFile() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("c.toml")
    try "lr = 0.5\nepochs = 7\n".write(to: file, atomically: true, encoding: .utf8)
    let plan = try Self.plan(arguments: ["--lr", "0.25"], config: ConfigFile(path: file.path))
    #expect(plan.trainer.settings.learningRate == 0.25)
    #expect(plan.trainer.epochs == 7)
  }
}
