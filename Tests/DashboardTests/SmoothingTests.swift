import Dashboard
import TestSupport
import Testing

/// The shape of smoothing.json.
private struct SmoothingOracle: Decodable {
  struct Case: Decodable {
    let name: String
    let weight: Double
    let values: [Double]
    let smoothed: [Double]
  }
  let cases: [Case]
}

@Suite struct SmoothingTests {
  @Test func matchesTensorBoardOracleOnEveryCase() throws {
    // smoothing.json: TensorBoard's debiased EMA (README section 7), computed in float64.
    let oracle = try Fixtures.oracle("smoothing.json", as: SmoothingOracle.self)
    #expect(oracle.cases.count >= 5)
    for testCase in oracle.cases {
      let smoothed = Smoothing.ema(testCase.values, weight: testCase.weight)
      #expect(smoothed.count == testCase.smoothed.count, "\(testCase.name)")
      for (index, (got, want)) in zip(smoothed, testCase.smoothed).enumerated() {
        if want.isNaN {
          #expect(got.isNaN, "\(testCase.name)[\(index)]")
        } else if want.isInfinite {
          #expect(got == want, "\(testCase.name)[\(index)]")
        } else {
          #expect(abs(got - want) <= 1e-12 * max(1, abs(want)), "\(testCase.name)[\(index)]: \(got) vs \(want)")
        }
      }
    }
  }

  @Test func constantSeriesIsUnchangedAndFirstFinitePointSmoothsToItself() {
    #expect(Smoothing.ema([0.3, 0.3, 0.3], weight: 0.9) == [0.3, 0.3, 0.3])
    let smoothed = Smoothing.ema([.nan, 2, 4], weight: 0.5)
    #expect(smoothed[0].isNaN)
    #expect(smoothed[1] == 2)
    // last = 0.5·(0.5·2) + 0.5·4 = 2.5; debias 1 − 0.5² = 0.75 → 3.333…
    #expect(abs(smoothed[2] - 2.5 / 0.75) < 1e-15)
    #expect(Smoothing.ema([], weight: 0.6) == [])
  }
}
