import Training

/// Validation images drawn in shade characters, each with `true→predicted` underneath; mistakes
/// (shown first) in red. Refreshed at every epoch end.
public struct SamplesPane: Pane {
  public init() {}

  /// How many images the pane tries to fit before it shrinks them.
  static let wanted = 3

  /// `Samples ━ epoch 3 ━ 84 of 6000 wrong`.
  public func title(_ snapshot: TrainingSnapshot, _ ui: UIState) -> [Span] {
    var spans = [Span("Samples", Palette.paneName)]
    guard let detail = snapshot.validation else { return spans }
    let total = detail.confusion.counts.reduce(0, +)
    let correct = (0..<detail.confusion.classCount).reduce(0) { $0 + detail.confusion[$1, $1] }
    spans.append(Span(" ━ epoch \(detail.epoch) ━ ", Palette.secondary))
    spans.append(Span("\(total - correct) of \(total) wrong", total > correct ? Palette.mistake : Palette.correct))
    return spans
  }

  /// Draws as many images as fit, mistakes first.
  public func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect) {
    guard let samples = snapshot.validation?.samples, !samples.images.isEmpty else {
      let message = snapshot.info.hasImages ? "images after the first epoch" : "no images (tabular data)"
      screen.put(message, x: area.x, y: area.y, style: Palette.secondary, maxWidth: area.width)
      return
    }
    let tiling = ImageTiling.best(
      height: samples.height, width: samples.width, wanted: min(Self.wanted, samples.images.count),
      areaWidth: area.width, areaHeight: area.height)
    for (index, image) in samples.images.prefix(tiling.capacity).enumerated() {
      let x = area.x + (index % max(1, tiling.columns)) * (tiling.width + 1)
      let y = area.y + (index / max(1, tiling.columns)) * (tiling.height + 1)
      Self.draw(image, samples, tiling, names: snapshot.info.classNames, into: &screen, x: x, y: y)
    }
  }

  /// One tile: the picture, then `7→7` (green) or `3→5` (red) under it.
  static func draw(
    _ image: ImageSamples.Image, _ samples: ImageSamples, _ tiling: ImageTiling, names: [String],
    into screen: inout Screen, x: Int, y: Int
  ) {
    for row in 0..<tiling.height {
      for column in 0..<tiling.width {
        let level = tiling.level(
          image.pixels, imageHeight: samples.height, imageWidth: samples.width, column: column, row: row)
        screen.set(x: x + column, y: y + row, Cell(Shade.character(level)))
      }
    }
    let p = image.prediction
    let label = name(p.label, names) + "→" + name(p.predicted, names)
    screen.put(
      label, x: x, y: y + tiling.height, style: p.isMistake ? Palette.mistake : Palette.correct,
      maxWidth: tiling.width)
  }

  /// A class's name, or its id when the names are missing.
  static func name(_ id: Int, _ names: [String]) -> String { id < names.count ? names[id] : String(id) }
}
