/// What a key or a `:` command on the trials dashboard asks the search to do; the app carries it
/// out and shows what happened on the status line.
public enum SearchRequest: Equatable, Sendable {
  /// Enter: show this trial's own dashboard (all its steering keys); Esc returns.
  case open(Int)
  /// `p`, `:pause`, `:resume`: no new trials start and the running ones pause, or all go on.
  case setPaused(Bool)
  /// `x`, `:stop N`: this trial stops now and counts as complete with the epochs it trained.
  case stop(Int)
  /// `+`, `:trials +N`: this many more trials.
  case addTrials(Int)
  /// `:trials N`: the search's new total.
  case setTrials(Int)
  /// `<`, `>`, `:parallel N`: how many trials train at once.
  case setParallel(Int)
  /// `:space NAME SPEC`: trials started from now on sample `NAME` from `SPEC` (`--vary`'s syntax).
  case changeSpace(name: String, spec: String)
  /// `P`, `:promote N`: train this trial's parameters as a full run of its own.
  case promote(Int)
  /// `q` (confirmed while trials run): stop every trial (they resume with `--resume`) and quit.
  case quit
}
