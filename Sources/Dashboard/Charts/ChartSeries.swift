/// One point of a chart line: an x, the value drawn, and optionally the span it summarises.
public struct ChartPoint: Sendable, Equatable {
  /// The x value (step or epoch).
  public var x: Double
  /// The value drawn as the line (non-finite values are marked, not drawn).
  public var y: Double
  /// The smallest value summarised by this point, for the faint span.
  public var low: Double?
  /// The largest value summarised by this point, for the faint span.
  public var high: Double?
  /// True when a non-finite value was summarised here (it is marked with a red ×).
  public var hasNonFinite: Bool

  /// Creates a point.
  public init(x: Double, y: Double, low: Double? = nil, high: Double? = nil, hasNonFinite: Bool = false) {
    self.x = x
    self.y = y
    self.low = low
    self.high = high
    self.hasNonFinite = hasNonFinite || !y.isFinite
  }
}

/// A line in a chart: its points, its colour, and how it takes part in scaling.
public struct ChartSeries: Sendable, Equatable {
  /// The points, in increasing x.
  public var points: [ChartPoint]
  /// The line's style (colour).
  public var style: Style
  /// The style of the faint min–max span behind the line; nil draws no span.
  public var spanStyle: Style?
  /// Whether the y range is fitted to this series (false: drawn only where it falls inside).
  public var affectsRange: Bool
  /// Whether non-finite values are marked with a red × on the top row.
  public var marksNonFinite: Bool

  /// Creates a series.
  public init(
    points: [ChartPoint], style: Style, spanStyle: Style? = nil,
    affectsRange: Bool = true, marksNonFinite: Bool = true
  ) {
    self.points = points
    self.style = style
    self.spanStyle = spanStyle
    self.affectsRange = affectsRange
    self.marksNonFinite = marksNonFinite
  }

  /// A series of `values` at x = 0, 1, 2, …
  public init(values: [Double], style: Style = .plain) {
    self.init(points: values.enumerated().map { ChartPoint(x: Double($0.offset), y: $0.element) }, style: style)
  }
}

/// A character drawn on a chart's top row at an x, e.g. ▼ where the learning rate was changed.
public struct ChartMarker: Sendable, Equatable {
  /// Where, in x units.
  public var x: Double
  /// The character.
  public var character: Character
  /// Its style.
  public var style: Style

  /// Creates a marker.
  public init(x: Double, character: Character, style: Style) {
    self.x = x
    self.character = character
    self.style = style
  }
}

/// A horizontal line across a chart at a value (e.g. the gradient clip threshold), drawn only when in range.
public struct ChartRule: Sendable, Equatable {
  /// The value.
  public var y: Double
  /// Its style.
  public var style: Style

  /// Creates a rule.
  public init(y: Double, style: Style) {
    self.y = y
    self.style = style
  }
}
