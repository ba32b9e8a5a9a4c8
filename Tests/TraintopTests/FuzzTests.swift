import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import traintop

/// In-process fuzzing of config files (TOML and JSON) and of command lines, through to a run plan.
@Suite(.serialized) struct TraintopFuzzTests {
  @Test func configFiles() throws {
    let seeds = [
      "dataset = \"iris\"\nlr = 0.01\nepochs = 5\nmodel = \"4-16-3\"\noptimizer = \"sgd\"\nbatchnorm = true\n",
      "{\"dataset\": \"wine\", \"batch-size\": 16, \"schedule\": \"cosine\", \"warmup\": 1, \"clip-norm\": 1.5}",
    ]
    // Parsed from memory as the file would be (no file written per input, so 10⁶ inputs take minutes).
    let options = try TrainOptions.parse([])
    FuzzBudget.run(seeds: seeds.map { Array($0.utf8) }) { input in
      let path = input.first == UInt8(ascii: "{") ? "fuzz.json" : "fuzz.toml"
      guard let raw = try? ConfigFile.parse(Data(input), path: path), let config = try? ConfigFile(path: path, raw: raw)
      else { return }
      _ = try? RunPlan(options: options, config: config)
    }
  }

  @Test func commandLines() {
    let seeds = [
      "iris\0--lr\00.05\0--epochs\03\0--optimizer\0rmsprop", "--model\04-8-3\0--batch-size\00\0--threads\02",
      "--schedule\0onecycle\0--pct-start\00.3\0--div\010\0--warmup-steps\05",
    ]
    FuzzBudget.run(seeds: seeds.map { Array($0.utf8) }) { input in
      let arguments = String(decoding: input, as: UTF8.self).split(separator: "\0").map(String.init)
      guard let options = try? TrainOptions.parse(arguments) else { return }
      _ = try? RunPlan(options: options, config: ConfigFile())
    }
  }
}
