/// One ReLU layer's dead units over a stretch of training (an epoch).
public struct DeadUnitCount: Sendable, Equatable {
  /// The layer as people read it: `relu after conv2`.
  public var layer: String
  /// Units (features or channels) never positive for any sample or position.
  public var dead: Int
  /// All its units.
  public var units: Int

  public init(layer: String, dead: Int, units: Int) {
    self.layer = layer
    self.dead = dead
    self.units = units
  }

  /// `dead / units`.
  public var fraction: Double { units > 0 ? Double(dead) / Double(units) : 0 }
}
