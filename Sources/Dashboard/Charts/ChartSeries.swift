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

  public init(x: Double, y: Double, low: Double? = nil, high: Double? = nil, hasNonFinite: Bool = false) {
    self.x = x
    self.y = y
    self.low = low
    self.high = high
    self.hasNonFinite = hasNonFinite || !y.isFinite
  }
}

/// A line in a chart: its points as parallel arrays, its colour, and how it takes part in scaling.
///
/// Parallel arrays of Doubles (not an array of point structs) keep long series cheap to build
/// every frame, and let a smoothed copy share the x values of its raw series.
public struct ChartSeries: Sendable, Equatable {
  /// The x values (step or epoch), in increasing order.
  public var xs: [Double]
  /// The values drawn as the line, one per x (non-finite values are marked, not drawn).
  public var ys: [Double]
  /// The smallest value per x for the faint span (empty: no span data).
  public var lows: [Double]
  /// The largest value per x for the faint span (empty: no span data).
  public var highs: [Double]
  /// Per x, whether a non-finite value was summarised there (empty: only non-finite `ys` count).
  public var nonFinite: [Bool]
  /// The line's style (colour).
  public var style: Style
  /// The style of the faint min–max span behind the line; nil draws no span.
  public var spanStyle: Style?
  /// Whether the y range is fitted to this series (false: drawn only where it falls inside).
  public var affectsRange: Bool
  /// Whether non-finite values are marked with a red × on the top row.
  public var marksNonFinite: Bool

  /// Creates a series from parallel arrays (`lows`, `highs`, `nonFinite` empty or as long as `xs`).
  public init(
    xs: [Double], ys: [Double], lows: [Double] = [], highs: [Double] = [], nonFinite: [Bool] = [],
    style: Style, spanStyle: Style? = nil, affectsRange: Bool = true, marksNonFinite: Bool = true
  ) {
    precondition(ys.count == xs.count, "one y per x")
    precondition(lows.isEmpty || lows.count == xs.count, "one low per x")
    precondition(highs.isEmpty || highs.count == xs.count, "one high per x")
    precondition(nonFinite.isEmpty || nonFinite.count == xs.count, "one flag per x")
    self.xs = xs
    self.ys = ys
    self.lows = lows
    self.highs = highs
    self.nonFinite = nonFinite
    self.style = style
    self.spanStyle = spanStyle
    self.affectsRange = affectsRange
    self.marksNonFinite = marksNonFinite
  }

  /// Creates a series from points.
  public init(
    points: [ChartPoint], style: Style, spanStyle: Style? = nil, affectsRange: Bool = true, marksNonFinite: Bool = true
  ) {
    let spans = points.contains { $0.low != nil || $0.high != nil }
    self.init(
      xs: points.map(\.x), ys: points.map(\.y), lows: spans ? points.map { $0.low ?? .nan } : [],
      highs: spans ? points.map { $0.high ?? .nan } : [], nonFinite: points.map(\.hasNonFinite), style: style,
      spanStyle: spanStyle, affectsRange: affectsRange, marksNonFinite: marksNonFinite)
  }

  /// A series of `values` at x = 0, 1, 2, …
  public init(values: [Double], style: Style = .plain) {
    self.init(xs: values.indices.map(Double.init), ys: values, style: style)
  }

  /// The same x values with other y values and style (e.g. the smoothed copy of a raw series).
  public func with(ys: [Double], style: Style, marksNonFinite: Bool = false) -> ChartSeries {
    ChartSeries(xs: xs, ys: ys, style: style, marksNonFinite: marksNonFinite)
  }

  /// True when the point at `index` holds a non-finite value.
  @inline(__always)
  func isNonFinite(at index: Int) -> Bool {
    !ys[index].isFinite || (!nonFinite.isEmpty && nonFinite[index])
  }
}

/// A character drawn on a chart's top row at an x, e.g. ▼ where the learning rate was changed.
public struct ChartMarker: Sendable, Equatable {
  /// Where, in x units.
  public var x: Double
  public var character: Character
  /// Its style.
  public var style: Style

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

  public init(y: Double, style: Style) {
    self.y = y
    self.style = style
  }
}
