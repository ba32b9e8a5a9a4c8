import Foundation
import TestSupport
import Testing

/// On demand (`RESTORE_TRIALS=120 swift test -c release --filter TerminalRestore`): the dashboards
/// ended every way a user or the system ends them, at a random moment, many times; each must leave
/// the terminal as it found it (`stty -g` the same) and exit with its documented code. The
/// README's reliability section quotes a run. `make test` runs the same endings once each in
/// `DashboardEndToEndTests` and `SearchDashboardEndToEndTests`.
@Suite(
  .serialized,
  .enabled(
    if: TmuxSession.isAvailable && ProcessInfo.processInfo.environment["RESTORE_TRIALS"] != nil,
    "RESTORE_TRIALS is not set (or tmux is missing)"))
struct TerminalRestoreEndToEndTests {
  /// How a trial ends the program, and the exit code that must follow.
  enum Ending: CaseIterable {
    case quit, interrupt, terminate, hangup, searchQuit, searchInterrupt

    var code: Int {
      switch self {
      case .quit, .searchQuit: 0
      case .interrupt, .searchInterrupt: 130
      case .terminate: 143
      case .hangup: 129
      }
    }

    var isSearch: Bool { self == .searchQuit || self == .searchInterrupt }
  }

  @Test func everyEndingRestoresTheTerminal() throws {
    let trials = Int(ProcessInfo.processInfo.environment["RESTORE_TRIALS"] ?? "") ?? 0
    var generator = SystemRandomNumberGenerator()
    var restored = 0
    var failures: [String] = []
    for trial in 0..<trials {
      let ending = Ending.allCases[trial % Ending.allCases.count]
      let t = try TmuxSession()
      defer { t.kill() }
      let runs = t.directory + "/runs"
      let command =
        ending.isSearch
        ? "'\(traintop)' search digits --vary lr=1e-4..1e-1:log --trials 50 --parallel 2 --epochs 200 "
          + "--patience 0 --pruner none --tensorboard off --runs-dir '\(runs)'"
        : "'\(traintop)' train digits --epochs 5000 --patience 0 --tensorboard off --runs-dir '\(runs)'"
      try t.start(command, environment: ["TERM": "xterm-256color", "XDG_CONFIG_HOME": t.directory + "/config"])
      guard t.waitFor({ $0.contains("RUNNING") }).ok else {
        failures.append("trial \(trial) (\(ending)): never showed RUNNING")
        continue
      }
      usleep(UInt32.random(in: 0...1_500_000, using: &generator))
      switch ending {
      case .quit, .searchQuit:
        t.send("q")
        _ = t.waitFor(timeout: 5) { $0.contains("and quit?") }
        t.send("y")
      case .interrupt, .searchInterrupt: t.send("C-c")
      case .terminate, .hangup:
        // The program itself, not the shell around it (whose command line holds the same words).
        let found = try runProcess("/usr/bin/pgrep", ["-f", "^\(traintop) .*--runs-dir \(runs)"])
        for pid in found.standardOutput.split(separator: "\n").compactMap({ Int32($0) }) {
          kill(pid, ending == .terminate ? SIGTERM : SIGHUP)
        }
      }
      let r = t.waitFor(timeout: 30) { $0.contains("EXITED") }
      if r.screen.contains("TTY_RESTORED") && r.screen.contains("EXITED rc=\(ending.code)") {
        restored += 1
      } else {
        failures.append("trial \(trial) (\(ending)):\n\(r.screen)")
      }
    }
    print("terminal restore: \(restored) of \(trials) endings restored the terminal with the documented code")
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    #expect(restored == trials)
  }
}
