import Foundation
import NN
import TestSupport
import Testing

@testable import traintop

@Suite struct ConfigFileTests {
  static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
    let url = dir.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func unknownKeysWrongTypesAndBadSyntaxNameTheFile() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let unknown = try Self.write("lr = 0.1\nfrobnicate = 3\n", "a.toml", in: dir)
    #expect(throws: ConfigError.self) { try ConfigFile(path: unknown) }
    do { _ = try ConfigFile(path: unknown) } catch { #expect("\(error)" == "\(unknown): unknown key 'frobnicate'") }

    let syntax = try Self.write("lr = \n", "b.toml", in: dir)
    do {
      _ = try ConfigFile(path: syntax)
      Issue.record("bad TOML accepted")
    } catch let error as ConfigError {
      #expect(error.line == 1)
      #expect(error.description == "\(syntax):1: key 'lr' has no value")
    }

    let json = try Self.write("[1, 2]", "c.json", in: dir)
    do { _ = try ConfigFile(path: json) } catch {
      #expect("\(error)" == "\(json): expected a JSON object at the top level")
    }
  }

  @Test func valuesOfTheWrongKindAreRejectedWhenResolved() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try Self.write("patience = \".\"\n", "d.toml", in: dir)
    let config = try ConfigFile(path: path)
    #expect(config.values["patience"] == .string("."))
    do {
      _ = try RunPlan(options: TrainOptions.parse([]), config: config)
      Issue.record("patience \".\" accepted")
    } catch {
      #expect("\(error)" == "\(path): key 'patience': expected a number, got \".\"")
    }
    let overflow = try ConfigFile(path: Self.write("epochs = 9223372036854775807\n", "e.toml", in: dir))
    #expect(throws: ConfigError.self) { try RunPlan(options: TrainOptions.parse([]), config: overflow) }
  }
}

/// `[[model.layers]]` tables in TOML and `"model": {"layers": […]}` in JSON spell the layer language.
@Suite struct LayerTableConfigTests {
  static let peerTables = """
    epochs = 1
    input-shape = "1x28x28"

    [[model.layers]]
    type = "conv"
    filters = 16
    kernel = 3
    padding = 1
    [[model.layers]]
    type = "relu"
    [[ model.layers ]]  # spaces and comments are fine
    type = "maxpool"
    kernel = 2
    [[model.layers]]
    type = "conv"
    filters = 32
    kernel = 3
    stride = 1
    padding = 1
    [[model.layers]]
    type = "relu"
    [[model.layers]]
    type = "maxpool"
    kernel = 2
    [[model.layers]]
    type = "dropout"
    rate = 0.25
    [[model.layers]]
    type = "flatten"
    [[model.layers]]
    type = "dense"
    units = 10

    """

  @Test func tomlTablesBecomeTheModelText() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let config = try ConfigFile(path: ConfigFileTests.write(Self.peerTables, "peer.toml", in: dir))
    #expect(
      config.values["model"]
        == .string("conv16k3p1-relu-maxpool2-conv32k3s1p1-relu-maxpool2-dropout0.25-flatten-dense10"))
    #expect(config.values["epochs"] == .number(1))
    #expect(config.values["input-shape"] == .string("1x28x28"))
    let plan = try RunPlan(options: TrainOptions.parse(["mnist"]), config: config)
    #expect(plan.trainer.model.layers?.count == 9)
  }

  @Test func jsonLayersBecomeTheModelText() throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let json = """
      {"model": {"layers": [{"type": "conv", "filters": 8, "kernel": 3}, {"type": "bn"}, {"type": "elu"},
        {"type": "gap"}, {"type": "flatten"}, {"type": "dense"}]}}
      """
    let config = try ConfigFile(path: ConfigFileTests.write(json, "m.json", in: dir))
    #expect(config.values["model"] == .string("conv8k3-bn-elu-gap-flatten-dense"))
  }

  @Test(arguments: [
    ("[[model.layers]]\ntype = \"conv\"\nkernel = 3\n", "1: layer table: conv needs filters"),
    (
      "[[model.layers]]\ntype = \"conv\"\nfilters = 16\nkernel = 3\nlr = 0.1\n",
      "1: layer table: conv takes filters, kernel, stride, padding, not 'lr' (options go above the first "
        + "[[model.layers]])"
    ),
    (
      "\n[[model.layers]]\ntype = \"conv\"\nfilters = 1e300\nkernel = 3\n",
      "2: layer table: filters must be a whole number from 0 to 10^9, got 1e+300"
    ),
    (
      "[[model.layers]]\ntype = \"swish\"\n",
      "1: layer table: unknown layer type 'swish': expected conv, maxpool, avgpool, gap, bn, dropout, dropout2d, "
        + "flatten, dense or relu, leaky_relu, prelu, elu, sigmoid, tanh"
    ),
    (
      "[[model.layers]]\nfilters = 3\n",
      "1: layer table: a layer table needs type = \"conv\", \"maxpool\", "
        + "\"relu\", \"dense\", …"
    ),
    (
      "[[model.layers]]\ntype = \"dropout\"\nrate = 1.5\n",
      "1: layer table: bad layer 'dropout1.5': expected dropout<rate> with a rate in [0, 1), e.g. dropout0.25"
    ),
    (
      "model = \"mlp\"\n[[model.layers]]\ntype = \"relu\"\n",
      "2: give the model as model = \"…\" or as [[model.layers]] tables, not both"
    ),
    (
      "[[model.layers]]\ntype = \"relu\"\ntype = \"relu\"\n",
      "3: key 'type' is given twice in the table of line 1"
    ),
    (
      "[model]\n",
      "1: only [[model.layers]], [[change]] and a search's [space] tables are supported; "
        + "write every other option as key = value"
    ),
    (
      "[[model.layer]]\n",
      "1: only [[model.layers]], [[change]] and a search's [space] tables are supported; "
        + "write every other option as key = value"
    ),
  ])
  func badTablesNameTheFileAndLine(text: String, expected: String) throws {
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try ConfigFileTests.write(text, "bad.toml", in: dir)
    do {
      _ = try ConfigFile(path: path)
      Issue.record("accepted: \(text)")
    } catch {
      #expect("\(error)" == "\(path):\(expected)")
    }
  }
}

@Suite struct AutoLearningRatePlanTests {
  @Test func lrAutoFromTheCommandLineOrAConfigFile() throws {
    let plan = try RunPlan(options: TrainOptions.parse(["digits", "--lr", "auto"]), config: ConfigFile())
    #expect(plan.autoLearningRate)
    #expect(plan.trainer.settings.learningRate == 1e-3)  // the default until the sweep replaces it
    let dir = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let config = try ConfigFile(path: ConfigFileTests.write("lr = \"AUTO\"\n", "a.toml", in: dir))
    #expect(try RunPlan(options: TrainOptions.parse(["digits"]), config: config).autoLearningRate)
    let fixed = try RunPlan(options: TrainOptions.parse(["digits", "--lr", "0.02"]), config: config)
    #expect(!fixed.autoLearningRate && fixed.trainer.settings.learningRate == 0.02)  // the flag wins
  }
}

@Suite struct RunPlanTests {
  @Test func defaultsComeFromTheDataset() throws {
    let mnist = try RunPlan(options: TrainOptions.parse([]), config: ConfigFile())
    #expect(mnist.defaultHidden == nil)  // mnist's default is cnn-small
    #expect(mnist.trainer.model.layers == NamedModel.cnnSmall.layers)
    let mlp = try RunPlan(options: TrainOptions.parse(["--model", "mlp"]), config: ConfigFile())
    #expect(mlp.defaultHidden == [256, 128] && mlp.trainer.model.layers == nil)
    #expect(mnist.trainer.settings.learningRate == 1e-3)
    #expect(mnist.trainer.batchSize == 128 && mnist.trainer.epochs == 10)
    #expect(mnist.trainer.earlyStopping.patience == 5 && mnist.trainer.earlyStoppingEnabled)
    let iris = try RunPlan(options: TrainOptions.parse(["iris", "--patience", "0"]), config: ConfigFile())
    #expect(iris.trainer.settings.learningRate == 1e-2)
    #expect(!iris.trainer.earlyStoppingEnabled)
  }

  @Test func momentumDefaultsFollowTheOptimizer() throws {
    // RMSProp reads the same momentum knob as SGD; PyTorch's default for it is 0 (none).
    let rmsprop = try RunPlan(options: TrainOptions.parse(["--optimizer", "rmsprop"]), config: ConfigFile())
    #expect(rmsprop.trainer.settings.momentum == 0)
    let sgd = try RunPlan(options: TrainOptions.parse(["--optimizer", "momentum"]), config: ConfigFile())
    #expect(sgd.trainer.settings.momentum == 0.9)
    let given = try RunPlan(
      options: TrainOptions.parse(["--optimizer", "rmsprop", "--momentum", "0.5"]), config: ConfigFile())
    #expect(given.trainer.settings.momentum == 0.5)
    let adamw = try RunPlan(options: TrainOptions.parse(["--optimizer", "adamw"]), config: ConfigFile())
    #expect(adamw.trainer.settings.weightDecay == 0.01)
  }

  @Test func earlyStoppingOptionsReachTheStopper() throws {
    let plan = try RunPlan(
      options: TrainOptions.parse(["--baseline", "0.5", "--start-from-epoch", "2", "--divergence-threshold", "9"]),
      config: ConfigFile())
    #expect(plan.trainer.earlyStopping.baseline == 0.5)
    #expect(plan.trainer.earlyStopping.startFromEpoch == 2)
    #expect(plan.trainer.earlyStopping.divergenceThreshold == 9)
  }

  @Test(arguments: [
    (["--lr=-1"], "--lr: expected a positive number, got -1"),
    (
      ["--batch-size", "9223372036854775807"],
      "--batch-size: expected a whole number in 0…1048576, got 9.223372036854776e+18"
    ),
    (["--threads", "2147483648"], "--threads: expected a whole number in 1…256, got 2147483648"),
    (["--warmup", "1e300"], "--warmup: expected a whole number in 0…10000000, got 1e+300"),
    (["--l2", "1e19"], nil),
    (["--epochs", "2.5"], "--epochs: expected a whole number in 1…10000000, got 2.5"),
  ])
  func badNumbersAreRejectedWhereTheyEnter(arguments: [String], message: String?) throws {
    do {
      _ = try RunPlan(options: TrainOptions.parse(arguments), config: ConfigFile())
      #expect(message == nil, "accepted \(arguments)")
    } catch {
      #expect("\(error)" == message)
    }
  }
}

@Suite struct TOMLReaderTests {
  @Test func readsTheFlatSubsetConfigFilesUse() throws {
    let text = """
      # a comment
      dataset = "digits"   # trailing comment
      "batch-size" = 1_024
      lr = 3e-4
      momentum = +0.9
      threads = 0x2
      name = 'C:\\runs'
      tag = "tab\\there \\u00e9"
      headless = true
      min-delta = -inf\r
      """
    let values = try TOMLReader.parse(text)
    #expect(values["dataset"] as? String == "digits")
    #expect(values["batch-size"] as? Double == 1024)
    #expect(values["lr"] as? Double == 3e-4)
    #expect(values["momentum"] as? Double == 0.9)
    #expect(values["threads"] as? Double == 2)
    #expect(values["name"] as? String == "C:\\runs")
    #expect(values["tag"] as? String == "tab\there é")
    #expect(values["headless"] as? Bool == true)
    #expect(values["min-delta"] as? Double == -.infinity)
  }

  /// Everything else is an error with its line: the inputs the fuzzer found made TOMLKit's C++ parser abort.
  @Test(arguments: [
    (
      "[{\"dataset\": \"wine\", \"batc\"schedule\": \"cosine\"}", 1,
      "only [[model.layers]], [[change]] and a search's [space] tables are supported; "
        + "write every other option as key = value"
    ),
    (
      "lr = 0.1\n[training]\nepochs = 2", 2,
      "only [[model.layers]], [[change]] and a search's [space] tables are supported; "
        + "write every other option as key = value"
    ),
    ("a.b = 1", 1, "dotted keys are not supported ('a.…')"),
    ("lr = [1, 2]", 1, "key 'lr': arrays and tables are not supported; expected a string, number or boolean"),
    ("lr = 1__0", 1, "key 'lr': expected a string, number or boolean, found '1__0'"),
    ("name = \"open", 1, "the string is not closed"),
    ("x = 1\nx = 2", 2, "key 'x' is given twice"),
    ("= 3", 1, "expected a key"),
    ("lr 3", 1, "expected '=' after the key 'lr'"),
    ("lr = 3 4", 1, "unexpected text after the value of 'lr'"),
    ("s = \"\"\"multi", 1, "multi-line strings are not supported"),
    ("s = \"\\q\"", 1, "unknown escape \\q"),
  ])
  func malformedLinesAreErrorsWithTheirLine(text: String, line: Int, message: String) {
    do {
      _ = try TOMLReader.parse(text)
      Issue.record("accepted \(text)")
    } catch {
      #expect(error.line == line && error.message == message, "\(error.line): \(error.message)")
    }
  }
}
