import TestSupport
import Testing

@testable import NN

/// In-process fuzzing of the model language: every description parses or is refused.
@Suite struct ModelSpecFuzzTests {
  @Test func modelDescriptions() {
    let seeds = ["784-256-128-10", "64-32-10 relu dropout 0.5 bn", "4-16-3 tanh", "13-16-3 leaky_relu bn"]
    FuzzBudget.run(seeds: seeds.map { Array($0.utf8) }) { input in
      _ = try? ModelSpec(parsing: String(decoding: input, as: UTF8.self))
    }
  }
}
