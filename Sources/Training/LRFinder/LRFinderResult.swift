/// An LR range test run from inside a training run (`f`, `:lr-find`), waiting for the person to
/// apply a suggestion or discard it.
public struct LRFinderResult: Sendable, Equatable {
  /// The sweep's rates and smoothed losses.
  public var curve: LRCurve
  /// The suggestions, valley first.
  public var suggestions: [LRSuggestion]
  /// The step the sweep started from (on a copy of that step's weights and optimizer state).
  public var step: Int
  /// Whether the run was running before the sweep (it resumes when the result is closed).
  public var resumes: Bool

  public init(curve: LRCurve, suggestions: [LRSuggestion], step: Int, resumes: Bool) {
    self.curve = curve
    self.suggestions = suggestions
    self.step = step
    self.resumes = resumes
  }
}
