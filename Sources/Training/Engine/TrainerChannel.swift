import Dispatch
import Synchronization

/// The two thread-safe endpoints between the UI and the trainer.
///
/// UI → trainer: a FIFO of commands, applied between steps and in order.
/// Trainer → UI: a latest-wins mailbox holding the newest `TrainingSnapshot`.
public final class TrainerChannel: Sendable {
  private struct State {
    var commands: [(TrainerCommand, CommandSource)] = []
    var snapshot: TrainingSnapshot?
    var version = 0
    var finished = false
    var fork: Checkpoint?
  }

  private let state = Mutex(State())
  private let wake = DispatchSemaphore(value: 0)

  public init() {}

  /// Queues `command` for the trainer and wakes it if it is paused.
  public func send(_ command: TrainerCommand, source: CommandSource) {
    state.withLock { $0.commands.append((command, source)) }
    wake.signal()
  }

  /// Takes every queued command, oldest first (no allocation when there are none: called every step).
  public func drainCommands() -> [(TrainerCommand, CommandSource)] {
    state.withLock { s in
      guard !s.commands.isEmpty else { return [] }
      defer { s.commands = [] }
      return s.commands
    }
  }

  /// Blocks the trainer until a command arrives or `timeout` seconds pass.
  public func waitForCommand(timeout: Double) {
    _ = wake.wait(timeout: .now() + timeout)
  }

  /// Replaces the mailbox's snapshot.
  public func publish(_ snapshot: TrainingSnapshot) {
    state.withLock {
      $0.snapshot = snapshot
      $0.version += 1
    }
  }

  /// Leaves the run's state for a fork (the trainer, on `.fork`); a newer one replaces an untaken one.
  public func deliverFork(_ checkpoint: Checkpoint) {
    state.withLock { $0.fork = checkpoint }
  }

  /// Takes the state left for a fork, if any.
  public func takeFork() -> Checkpoint? {
    state.withLock { s in
      defer { s.fork = nil }
      return s.fork
    }
  }

  /// Marks the run as finished (the trainer thread has returned).
  public func finish() {
    state.withLock { $0.finished = true }
  }

  /// The newest snapshot with its version number (incremented by every publish).
  public func latest() -> (version: Int, snapshot: TrainingSnapshot?) {
    state.withLock { ($0.version, $0.snapshot) }
  }

  /// True once the trainer thread has returned.
  public var isFinished: Bool { state.withLock { $0.finished } }
}
