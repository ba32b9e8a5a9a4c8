/// How many alerts of one kind a run has raised, for the header's badge.
public struct AlertTally: Sendable, Equatable {
  public var kind: AlertKind
  public var count: Int

  public init(kind: AlertKind, count: Int) {
    self.kind = kind
    self.count = count
  }

  /// `spike`, or `spike ×3` for more than one.
  public var text: String { count > 1 ? "\(kind.badge) ×\(count)" : kind.badge }
}
