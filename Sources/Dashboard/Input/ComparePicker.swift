/// The list `c` opens: earlier runs of the same dataset to draw as ghost lines beside the live one.
public struct ComparePicker: Equatable, Sendable {
  /// One run to pick: its directory and its line in the list.
  public struct Choice: Equatable, Sendable {
    public var path: String
    public var line: String
    /// Whether it is drawn now (Enter toggles it).
    public var isShown: Bool

    public init(path: String, line: String, isShown: Bool) {
      self.path = path
      self.line = line
      self.isShown = isShown
    }
  }

  public var choices: [Choice]
  /// The highlighted row.
  public var selection = 0

  public init(choices: [Choice]) { self.choices = choices }

  /// Moves the highlight by `delta` rows, within the list.
  public mutating func move(_ delta: Int) {
    selection = min(max(0, selection + delta), max(0, choices.count - 1))
  }
}
