/// A run of text in one style, e.g. one part of a pane title.
public struct Span: Hashable, Sendable {
  /// The text (single-width characters).
  public var text: String
  /// Its style.
  public var style: Style

  public init(_ text: String, _ style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

extension Array where Element == Span {
  /// The total number of columns the spans take.
  public var width: Int { reduce(0) { $0 + $1.text.count } }

  /// The spans' text without styles.
  public var plainText: String { map(\.text).joined() }
}
