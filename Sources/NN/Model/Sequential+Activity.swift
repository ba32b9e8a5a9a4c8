// MARK: - Dead units: which ReLU units never fire

extension Sequential {
  /// The ReLU layers in running order, each named after the weighted layer before it
  /// (`relu after dense1`, `relu after conv2`), or `relu1` when none is.
  public var reluLayers: [(name: String, layer: ReLU)] {
    var named: [(name: String, layer: ReLU)] = []
    var lastWeighted: String?
    var counts: [String: Int] = [:]
    for layer in layers {
      switch layer {
      case is Conv2d, is Dense:
        let kind = layer is Conv2d ? "conv" : "dense"
        counts[kind, default: 0] += 1
        lastWeighted = "\(kind)\(counts[kind] ?? 1)"
      case let relu as ReLU:
        named.append((lastWeighted.map { "relu after \($0)" } ?? "relu\(named.count + 1)", relu))
      default: continue
      }
    }
    return named
  }

  /// Turns dead-unit tracking on or off in every ReLU layer.
  public func trackActivity(_ on: Bool) {
    for (_, relu) in reluLayers { relu.tracksActivity = on }
  }

  /// Starts a new count (at an epoch start).
  public func resetActivity() {
    for (_, relu) in reluLayers { relu.resetActivity() }
  }

  /// Each tracked ReLU layer's dead units since the last reset.
  public func deadUnitCounts() -> [DeadUnitCount] {
    reluLayers.compactMap { name, relu in
      relu.deadUnits.map { DeadUnitCount(layer: name, dead: $0.dead, units: $0.units) }
    }
  }
}
