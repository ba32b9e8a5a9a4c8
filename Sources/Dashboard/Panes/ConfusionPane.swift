import Training

/// The latest validation confusion matrix (rows: true class, columns: predicted) as a heat map:
/// counts when they fit, shade blocks when only two columns per class fit, else the largest
/// confusions as a list. The diagonal is green, mistakes red (bold from 5 % of the row).
public struct ConfusionPane: Pane {
  public init() {}

  /// `Confusion ━ val epoch 3 ━ 98.6%`.
  public func title(_ snapshot: TrainingSnapshot, _ ui: UIState) -> [Span] {
    var spans = [Span("Confusion", Palette.paneName)]
    guard let detail = snapshot.validation else { return spans }
    spans.append(Span(" ━ val epoch \(detail.epoch) ━ ", Palette.secondary))
    spans.append(Span(AccuracyPane.percent(detail.confusion.accuracy), Palette.validation))
    return spans
  }

  /// Draws the matrix, or the list of largest confusions when the matrix does not fit.
  public func render(_ snapshot: TrainingSnapshot, _ ui: UIState, into screen: inout Screen, in area: Rect) {
    guard let confusion = snapshot.validation?.confusion else {
      let message = snapshot.info.isClassification ? "after the first epoch" : "regression: no classes"
      screen.put(message, x: area.x, y: area.y, style: Palette.secondary, maxWidth: area.width)
      return
    }
    let names = (0..<confusion.classCount).map { SamplesPane.name($0, snapshot.info.classNames) }
    let labelWidth = min(6, names.map(\.count).max() ?? 1)
    let k = confusion.classCount
    let countWidth = max(3, String(confusion.counts.max() ?? 0).count + 1)
    let room = area.width - labelWidth - 1
    guard area.height >= k + 1, room >= 2 * k else {
      return Self.drawList(confusion, names: names, into: &screen, in: area)
    }
    let cellWidth = room >= countWidth * k ? countWidth : 2
    let left = area.x + labelWidth + 1
    for (column, name) in names.enumerated() {
      let text = String(name.prefix(cellWidth - 1)).leftPadded(to: cellWidth)
      screen.put(text, x: left + column * cellWidth, y: area.y, style: Palette.secondary)
    }
    for row in 0..<k {
      let y = area.y + 1 + row
      screen.put(
        names[row].truncated(to: labelWidth).leftPadded(to: labelWidth), x: area.x, y: y, style: Palette.secondary)
      let rowTotal = (0..<k).reduce(0) { $0 + confusion[row, $1] }
      for column in 0..<k {
        let cell = Self.cell(confusion[row, column], rowTotal: rowTotal, diagonal: row == column, width: cellWidth)
        screen.put(cell.text, x: left + column * cellWidth, y: y, style: cell.style)
      }
    }
  }

  /// One cell: its count right-aligned (or a shade block pair at width 2), coloured by its share of the row.
  static func cell(_ count: Int, rowTotal: Int, diagonal: Bool, width: Int) -> Span {
    let share = rowTotal > 0 ? Float(count) / Float(rowTotal) : 0
    let style: Style =
      diagonal ? Palette.correct : count == 0 ? Palette.secondary : share >= 0.05 ? Palette.mistake : Style(.red)
    guard width > 2 else {
      // Mistakes are rare: a tenth of the row already fills an off-diagonal block.
      let level = diagonal ? share : min(1, share * 10)
      let block = count > 0 ? Shade.character(max(level, 0.2)) : "·"
      return Span(String(block).leftPadded(to: width), style)
    }
    return Span((count == 0 && !diagonal ? "·" : String(count)).leftPadded(to: width), style)
  }

  /// `true→predicted ×count` for the largest off-diagonal counts, one per line.
  static func drawList(_ confusion: ConfusionMatrix, names: [String], into screen: inout Screen, in area: Rect) {
    let k = confusion.classCount
    let pairs = (0..<k).flatMap { row in (0..<k).map { (row, $0) } }
      .filter { $0.0 != $0.1 && confusion[$0.0, $0.1] > 0 }
      .sorted { confusion[$0.0, $0.1] > confusion[$1.0, $1.1] }
    guard !pairs.isEmpty else {
      screen.put("no mistakes", x: area.x, y: area.y, style: Palette.correct, maxWidth: area.width)
      return
    }
    screen.put("most confused (true→predicted):", x: area.x, y: area.y, style: Palette.secondary, maxWidth: area.width)
    let perLine = max(1, area.width / 14)
    for line in 0..<max(0, area.height - 1) {
      let chunk = pairs.dropFirst(line * perLine).prefix(perLine)
      guard !chunk.isEmpty else { break }
      var x = area.x
      for (row, column) in chunk {
        let text = "\(names[row])→\(names[column]) ×\(confusion[row, column])".truncated(to: 13).rightPadded(to: 14)
        x = screen.put(text, x: x, y: area.y + 1 + line, style: Palette.mistake, maxWidth: area.maxX - x)
      }
    }
  }
}
