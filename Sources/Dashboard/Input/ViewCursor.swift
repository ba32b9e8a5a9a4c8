/// Where `traintop view`'s time cursor stands: the dashboard shows the run as it was then.
public enum ViewCursor: Hashable, Sendable {
  /// The newest step; a run still being written is followed as it grows.
  case end
  /// After this many steps.
  case step(Int)
  /// At the end of this (1-based) epoch.
  case epoch(Int)

  /// The cursor's moves per ←/→: a hundredth of the run.
  public static let movesPerRun = 100
}
