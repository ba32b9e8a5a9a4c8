extension String {
  /// This string cut to at most `width` characters, ending in `…` when cut.
  public func truncated(to width: Int) -> String {
    guard width > 0 else { return "" }
    guard count > width else { return self }
    return String(prefix(width - 1)) + "…"
  }

  /// This string padded with spaces on the left to `width` characters (never cut).
  public func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }

  /// This string padded with spaces on the right to `width` characters (never cut).
  public func rightPadded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}

extension Array where Element == Span {
  /// These spans cut to at most `width` columns, the last one ending in `…` when cut.
  public func truncated(to width: Int) -> [Span] {
    guard self.width > width else { return self }
    var result: [Span] = []
    var left = width
    for span in self {
      let length = span.text.count
      if length < left {
        result.append(span)
        left -= length
        continue
      }
      // More text follows this cut, so it always ends in an ellipsis.
      if left > 0 { result.append(Span(String(span.text.prefix(left - 1)) + "…", span.style)) }
      break
    }
    return result
  }
}
