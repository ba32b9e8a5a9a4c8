import Testing

@testable import Search

@Suite struct GridSamplerTests {
  @Test func enumeratesExactlyTheProduct() throws {
    let space = SearchSpace([
      .init(name: "lr", distribution: .range(low: 1e-4, high: 1e-1, log: true, integer: false, points: 4)),
      .init(name: "batch-size", distribution: .choice([.number(32), .number(64)])),
      .init(name: "dropout", distribution: .range(low: 0, high: 0.5, log: false, integer: false, points: 3)),
    ])
    let grid = try GridSampler(space)
    #expect(grid.count == 24)
    let all = (0..<grid.count).map { grid.combination($0) }
    #expect(Set(all.map { $0.description }).count == 24)
    // Geometric spacing: 1e-4, 1e-3, 1e-2, 1e-1 (to rounding); linear: 0, 0.25, 0.5.
    let rates = Set(all.compactMap { $0["lr"]?.number }).sorted()
    #expect(rates.count == 4)
    for (rate, expected) in zip(rates, [1e-4, 1e-3, 1e-2, 1e-1]) { #expect(abs(rate / expected - 1) < 1e-12) }
    #expect(Set(all.compactMap { $0["dropout"]?.number }).sorted() == [0, 0.25, 0.5])
    // The last parameter varies fastest.
    #expect(all[0]["dropout"] == .number(0) && all[1]["dropout"] == .number(0.25))
    #expect(all[0]["batch-size"] == .number(32) && all[3]["batch-size"] == .number(64))
  }

  @Test func wholeNumberRangeWithoutPointsTakesEveryNumber() throws {
    let space = SearchSpace([
      .init(name: "patience", distribution: .range(low: 2, high: 5, log: false, integer: true, points: nil))
    ])
    let grid = try GridSampler(space)
    #expect((0..<grid.count).map { grid.combination($0)["patience"] } == [2, 3, 4, 5].map { .number($0) })
  }

  @Test func continuousRangeWithoutPointsIsRefusedByName() {
    let space = SearchSpace([
      .init(name: "lr", distribution: .range(low: 1e-4, high: 1e-1, log: true, integer: false, points: nil))
    ])
    #expect(throws: SearchSpaceError.self) { try GridSampler(space) }
    do { _ = try GridSampler(space) } catch {
      #expect(error.parameter == "lr" && error.message.contains("point count"))
    }
  }

  @Test func distributionProblemsAreNamed() {
    #expect(
      Distribution.range(low: 1, high: 1, log: false, integer: false, points: nil).problem?.contains("empty") == true)
    #expect(
      Distribution.range(low: 2, high: 1, log: false, integer: false, points: nil).problem?.contains("reversed") == true
    )
    #expect(
      Distribution.range(low: 0, high: 1, log: true, integer: false, points: nil).problem?.contains("above 0") == true)
    #expect(
      Distribution.range(low: 0, high: 1, log: false, integer: false, points: 1).problem?.contains("2 points") == true)
    #expect(Distribution.choice([]).problem == "no choices")
    #expect(Distribution.range(low: 0, high: 1, log: false, integer: false, points: nil).problem == nil)
  }
}
