/// Vanishing gradients: a layer's gradient norm below `floor` for `steps` steps in a row. Each layer
/// counts on its own; after an alert its count starts again.
struct VanishingGradientDetector {
  var floor: Double
  var steps: Int
  private var below: [Int] = []

  init(floor: Double, steps: Int) {
    self.floor = floor
    self.steps = steps
  }

  /// Looks at one step's per-layer squared norms (`squares[i]` for `names[i]`); the alerts.
  mutating func observe(layerSquares squares: [Double], names: [String]) -> [HealthAlert] {
    guard floor > 0, steps > 0, squares.count == names.count else { return [] }
    if below.count != squares.count { below = [Int](repeating: 0, count: squares.count) }
    var alerts: [HealthAlert] = []
    for index in squares.indices {
      let norm = squares[index].squareRoot()
      guard norm < floor else {
        below[index] = 0
        continue
      }
      below[index] += 1
      if below[index] >= steps {
        alerts.append(.vanishingGradients(layer: names[index], norm: norm, floor: floor, steps: below[index]))
        below[index] = 0
      }
    }
    return alerts
  }
}
