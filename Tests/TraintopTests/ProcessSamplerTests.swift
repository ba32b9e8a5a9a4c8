import Foundation
import Testing

@testable import traintop

/// The header's CPU and memory figures: read from the process itself, once per interval.
@Suite struct ProcessSamplerTests {
  @Test func theFirstCallStartsTheClockAndLaterOnesMeasure() throws {
    var sampler = ProcessSampler(interval: 1)
    #expect(sampler.sample(now: 100) == nil)
    #expect(sampler.sample(now: 100.5) == nil)  // the interval has not passed
    // Burn some CPU so the figure has something to show.
    var x = 0.0
    for i in 0..<2_000_000 { x += sin(Double(i)) }
    #expect(x.isFinite)
    let sampled = sampler.sample(now: 101)
    let figures = try #require(sampled)
    #expect(figures.cpuPercent > 0)
    #expect(figures.residentBytes > 1 << 20)  // a Swift test process holds more than 1 MB
    #expect(ProcessSampler.cpuSeconds() > 0)
  }
}
