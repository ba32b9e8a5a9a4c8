extension Trainer {
  /// Records that this run replays `changes` manual changes of the run `run` (`--replay`).
  public func noteReplay(of run: String, changes: Int) {
    record(.replaying(run: run, changes: changes))
  }

  /// `--replay` or `[[change]]` tables: applies the changes due at this step, where the person made
  /// them (between two steps, before the queued commands), from the script's source.
  func applyReplayedChanges() {
    while let next = replay.changes.first, next.step <= progress.step {
      replay.changes.removeFirst()
      replayApplied += 1
      apply(next.command, source: replay.source)
    }
  }
}
