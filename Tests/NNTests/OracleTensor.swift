import Tensor
import Testing

/// A tensor as the oracle files store it: `{"shape": [...], "data": [...]}`, float64, row-major.
struct OracleTensor: Decodable {
  /// The extent of each dimension.
  let shape: [Int]
  /// The elements, row-major.
  let data: [Double]

  /// The values rounded to Float32.
  var tensor: Tensor { Tensor(shape: shape, storage: data.map { Float($0) }) }
}

/// Expects `actual` to have `expected`'s shape and every element within `tolerance·max(1, |expected|)`.
func expectClose(
  _ actual: Tensor, _ expected: OracleTensor, tolerance: Double = 1e-5, _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.shape == expected.shape, "\(what): shape", sourceLocation: sourceLocation)
  expectClose(
    actual.storage.map(Double.init), expected.data, tolerance: tolerance, what, sourceLocation: sourceLocation)
}

/// Expects equal counts and every element within `tolerance·max(1, |expected|)`.
func expectClose(
  _ actual: [Double], _ expected: [Double], tolerance: Double = 1e-5, _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
  for (index, (a, b)) in zip(actual, expected).enumerated() {
    #expect(
      abs(a - b) <= tolerance * max(1, abs(b)), "\(what)[\(index)]: \(a) vs \(b)",
      sourceLocation: sourceLocation)
  }
}
