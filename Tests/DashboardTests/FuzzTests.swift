import TestSupport
import Testing

@testable import Dashboard

/// In-process fuzzing of the prompt: every line parses or is refused, and editing it never traps.
@Suite struct PromptFuzzTests {
  @Test func promptLines() {
    let seeds = ["lr 3e-4", "lr *0.5", "optimizer adamw", "clip off", "save a/b.safetensors", "threads 2", "log on"]
    FuzzBudget.run(seeds: seeds.map { Array($0.utf8) }) { input in
      let line = String(decoding: input, as: UTF8.self)
      _ = PromptCommand.parse(line)
      var prompt = PromptState()
      prompt.open()
      for character in line.prefix(64) { prompt.apply(.insert(character)) }
      prompt.apply(.moveHome)
      prompt.apply(.deleteForward)
      prompt.apply(.complete)
    }
  }
}
