import Tensor
import Training

/// The first convolution's filters as small tiles that change as they learn: each weight (averaged
/// over input channels) is two cells of shade, green when positive, red when negative, scaled to the
/// largest magnitude of all filters.
public struct FiltersPane: Pane {
  public init() {}

  /// `Filters ━ conv1 16×3×3 ━ |w| ≤ 0.52`.
  public func title(_ snapshot: TrainingSnapshot, _ ui: UIState) -> [Span] {
    var spans = [Span("Filters", Palette.paneName)]
    guard let filters = snapshot.filters, filters.rank == 4 else { return spans }
    let s = filters.shape
    spans.append(Span(" ━ conv1 \(s[0])×\(s[2])×\(s[3]) ━ ", Palette.secondary))
    spans.append(
      Span("|w| ≤ " + Format.compact(Double(Self.largest(Self.averagedOverInputs(filters))), significantDigits: 2)))
    return spans
  }

  /// Draws as many filters as fit, then `+k more`.
  public func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect) {
    guard let filters = snapshot.filters, filters.rank == 4 else {
      screen.put("no convolution", x: area.x, y: area.y, style: Palette.secondary, maxWidth: area.width)
      return
    }
    let (count, height, width) = (filters.shape[0], filters.shape[2], filters.shape[3])
    let tiles = Self.averagedOverInputs(filters)
    let scale = Self.largest(tiles)
    let perRow = max(1, (area.width + 1) / (2 * width + 1))
    let rows = max(0, (area.height + 1) / (height + 1))
    let shown = min(count, perRow * rows)
    for index in 0..<shown {
      let x = area.x + (index % perRow) * (2 * width + 1)
      let y = area.y + (index / perRow) * (height + 1)
      for row in 0..<height {
        for column in 0..<width {
          let w = tiles[(index * height + row) * width + column]
          let cell = Cell(
            Shade.character(scale > 0 ? abs(w) / scale : 0), style: w < 0 ? Palette.negative : Palette.positive)
          screen.set(x: x + 2 * column, y: y + row, cell)
          screen.set(x: x + 2 * column + 1, y: y + row, cell)
        }
      }
    }
    if shown < count {
      let text = "+\(count - shown) more".truncated(to: area.width)
      screen.put(text, x: area.maxX - text.count, y: area.maxY - 1, style: Palette.secondary)
    }
  }

  /// The filters `[out, in, kH, kW]` averaged over `in`: `out × kH × kW` values.
  static func averagedOverInputs(_ filters: Tensor) -> [Float] {
    let s = filters.shape
    let (outputs, inputs, size) = (s[0], s[1], s[2] * s[3])
    return (0..<(outputs * size)).map { i in
      let (o, k) = (i / size, i % size)
      return (0..<inputs).reduce(Float(0)) { $0 + filters.storage[(o * inputs + $1) * size + k] } / Float(inputs)
    }
  }

  /// The largest finite magnitude (the colour scale).
  static func largest(_ values: [Float]) -> Float {
    values.reduce(Float(0)) { $1.isFinite ? max($0, abs($1)) : $0 }
  }
}
