/// The direction a rectangle is split in.
public enum SplitAxis: Sendable {
  /// Side by side: columns.
  case horizontal
  /// Stacked: rows.
  case vertical
}

/// How much of a split one part takes.
public enum LayoutSize: Hashable, Sendable {
  /// Exactly this many cells (or what is left, if less).
  case fixed(Int)
  /// A share of what the fixed parts leave, by weight.
  case ratio(Int)
}

extension Rect {
  /// Splits this rectangle into parts along `axis`.
  ///
  /// Fixed parts are served first, then ratio parts share the rest by weight (the first ratio part
  /// takes the rounding remainder). With `overlap` 1, neighbours share their touching edge, which
  /// is how boxes share a border line.
  /// - Parameters:
  ///   - axis: `.horizontal` for columns, `.vertical` for rows.
  ///   - sizes: one entry per part, measured including any shared edge.
  ///   - overlap: cells each part shares with the previous one.
  /// - Returns: one rectangle per entry of `sizes`, in order.
  public func split(_ axis: SplitAxis, _ sizes: [LayoutSize], overlap: Int = 0) -> [Rect] {
    let total = (axis == .horizontal ? width : height) + overlap * max(0, sizes.count - 1)
    let lengths = Rect.lengths(total: total, sizes)
    var parts: [Rect] = []
    var offset = 0
    for length in lengths {
      switch axis {
      case .horizontal: parts.append(Rect(x: x + offset, y: y, width: length, height: height))
      case .vertical: parts.append(Rect(x: x, y: y + offset, width: width, height: length))
      }
      offset += max(0, length - overlap)
    }
    return parts
  }

  /// Resolves sizes to lengths that add up to at most `total`.
  static func lengths(total: Int, _ sizes: [LayoutSize]) -> [Int] {
    var remaining = total
    var lengths = sizes.map { size -> Int in
      guard case .fixed(let n) = size else { return 0 }
      let length = min(max(0, n), remaining)
      remaining -= length
      return length
    }
    let weights = sizes.map { if case .ratio(let w) = $0 { max(0, w) } else { 0 } }
    let weightSum = weights.reduce(0, +)
    guard weightSum > 0 else { return lengths }
    var left = remaining
    for (index, weight) in weights.enumerated() where weight > 0 {
      lengths[index] = remaining * weight / weightSum
      left -= lengths[index]
    }
    // The rounding remainder goes to the first ratio part.
    if let first = weights.firstIndex(where: { $0 > 0 }) { lengths[first] += left }
    return lengths
  }
}
