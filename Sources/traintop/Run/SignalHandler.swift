import Dispatch
import Foundation
import Synchronization
import Training

/// Routes SIGINT/SIGTERM to a graceful stop; a second SIGINT exits at once.
///
/// The first signal asks the trainer to stop after the current step (it then saves
/// `last.safetensors` and flushes the logs); the app exits 128 + signal number.
final class SignalHandler: Sendable {
  private let received = Atomic<Int32>(0)
  private let interrupts = Atomic<Int>(0)
  private let restoreTerminal: Mutex<(@Sendable () -> Void)?> = Mutex(nil)
  nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []
  private let queue = DispatchQueue(label: "traintop.signals")

  /// Installs handlers that send `.stop(.interrupted)` on `channel`.
  convenience init(channel: TrainerChannel) {
    self.init { channel.send(.stop(.interrupted), source: .signal) }
  }

  /// Installs handlers that call `stop` at the first signal (`traintop view` has nothing to stop:
  /// its loop ends on the signal alone).
  init(stop: @escaping @Sendable () -> Void) {
    for signo in [SIGINT, SIGTERM, SIGHUP] {
      signal(signo, SIG_IGN)  // must precede resume(): on Linux it would disable the source
      let source = DispatchSource.makeSignalSource(signal: signo, queue: queue)
      source.setEventHandler { @Sendable [self] in handle(signo, stop: stop) }
      source.resume()
      sources.append(source)
    }
  }

  /// Sets what to run before an immediate exit (the terminal restore).
  func onImmediateExit(_ body: @escaping @Sendable () -> Void) {
    restoreTerminal.withLock { $0 = body }
  }

  /// Records a lost terminal as a hangup (SIGHUP, exit 129) unless a signal came first: closing
  /// the terminal may end the tty without a signal reaching traintop.
  func noteHangup() {
    _ = received.compareExchange(expected: 0, desired: SIGHUP, ordering: .relaxed)
  }

  /// The first signal received, or 0.
  var receivedSignal: Int32 { received.load(ordering: .relaxed) }

  /// The exit code for the signal received (130, 143, 129), or nil.
  var exitCode: Int32? {
    let s = receivedSignal
    return s == 0 ? nil : 128 + s
  }

  private func handle(_ signo: Int32, stop: @Sendable () -> Void) {
    let (first, _) = received.compareExchange(expected: 0, desired: signo, ordering: .relaxed)
    if signo == SIGINT, interrupts.add(1, ordering: .relaxed).newValue >= 2 {
      restoreTerminal.withLock { $0?() }
      FileHandle.standardError.write(Data("traintop: interrupted twice, exiting at once\n".utf8))
      exit(130)
    }
    if first { stop() }
  }
}
