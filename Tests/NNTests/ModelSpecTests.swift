import Foundation
import NN
import Testing

/// Parsing, validation, description and Codable of `ModelSpec`.
@Suite struct ModelSpecTests {
  @Test func parsesSizes() throws {
    let spec = try ModelSpec(parsing: "784-256-128-10")
    #expect(spec.sizes == [784, 256, 128, 10])
    #expect(spec.activation == .relu && spec.dropout == 0 && !spec.batchNorm && spec.initializer == nil)
    #expect(spec.description == "mlp 784-256-128-10 relu")
    #expect(spec.inputFeatures == 784 && spec.outputFeatures == 10)
  }

  @Test func argumentsAreDefaultsAndWordsOverrideThem() throws {
    let spec = try ModelSpec(parsing: "4-3", activation: .tanh, dropout: 0.1, batchNorm: true, initializer: .heNormal)
    #expect(spec == ModelSpec(sizes: [4, 3], activation: .tanh, dropout: 0.1, batchNorm: true, initializer: .heNormal))
    let overridden = try ModelSpec(parsing: "4-3 elu", activation: .tanh)
    #expect(overridden.activation == .elu)
  }

  /// The description parses back to the same spec.
  @Test func descriptionRoundTrips() throws {
    let spec = ModelSpec(sizes: [20, 16, 8, 2], activation: .leakyRelu, dropout: 0.25, batchNorm: true)
    #expect(spec.description == "mlp 20-16-8-2 leaky_relu bn dropout 0.25")
    #expect(try ModelSpec(parsing: spec.description) == spec)
  }

  @Test(arguments: [
    ("784-abc", ModelSpecError.invalidSize("abc")),
    ("784--10", .invalidSize("")),
    ("784", .tooFewSizes(1)),
    ("784-0-10", .nonPositiveSize(0)),
    ("", .empty),
    ("mlp", .empty),
    ("784-10 swish", .unknownWord("swish")),
    ("784-10 dropout", .unknownWord("dropout")),
    ("784-10 dropout 1.5", .invalidDropout(1.5)),
  ])
  func rejects(text: String, error: ModelSpecError) {
    #expect(throws: error) { try ModelSpec(parsing: text) }
  }

  @Test func errorsExplainThemselves() {
    #expect(ModelSpecError.invalidSize("abc").description.contains("'abc'"))
    #expect(ModelSpecError.tooFewSizes(1).description.contains("at least an input and an output"))
  }

  /// Missing options take their defaults when decoding; encoding round-trips.
  @Test func codable() throws {
    let decoded = try JSONDecoder().decode(ModelSpec.self, from: Data(#"{"sizes": [4, 3]}"#.utf8))
    #expect(decoded == ModelSpec(sizes: [4, 3]))
    let spec = ModelSpec(
      sizes: [5, 4, 2], activation: .sigmoid, dropout: 0.5, batchNorm: true, initializer: .xavierNormal)
    let data = try JSONEncoder().encode(spec)
    #expect(try JSONDecoder().decode(ModelSpec.self, from: data) == spec)
    let text = try #require(String(data: data, encoding: .utf8))
    #expect(text.contains(#""activation":"sigmoid""#) && text.contains(#""initializer":"xavier_normal""#))
  }
}
