import Dashboard
import Datasets
import Foundation
import Search
import Synchronization
import Training

/// A search running: the study, up to `parallel` trials training at once (each a `TrialRun` with
/// its trainer on its own queue and one compute thread), and the search directory's files
/// (`search.json`, `trials.csv`, `best.toml`, one run directory per trial). The loop runs on the
/// main thread and is the only one touching the study.
final class SearchSession {
  /// Changed by the dashboard's `:trials`, `:parallel` and `:space` (and saved in search.json).
  var plan: SearchPlan
  let directory: URL
  /// The study, shared with the trainers' threads (each reports its epochs to it and asks the pruner).
  private let box: StudyBox
  /// A copy of the study as it is now.
  var study: Study { box.withLock { $0 } }
  private var running: [Int: TrialRun] = [:]
  /// Trials to run again before sampling new ones (`--resume`: those that were running).
  private var queued: [Trial] = []
  private var datasets: [(options: DatasetOptions, dataset: Dataset)] = []
  private let stopping = StopFlag()
  private var printer: SearchPrinter
  /// The trials dashboard is open: trial lines go to `events`, not to stdout.
  private var interactive = false
  /// No new trial starts (`p` on the trials dashboard); the running ones were sent `pause`.
  var paused = false
  /// What the search did, oldest first (the dashboard's events box): trials ended, changes made.
  private(set) var events: [String] = []
  /// Counts changes the dashboard draws (events, pauses, settings), for its redraws.
  private var changes = 0
  /// `P`: trials trained again as full runs of their own beside the search.
  var promoted: [(number: Int, session: RunSession, ended: Bool)] = []

  private init(plan: SearchPlan, directory: URL, study: Study) {
    self.plan = plan
    self.directory = directory
    box = StudyBox(study)
    printer = SearchPrinter(plan: plan)
  }

  /// A new search: the data loaded and checked (a `--folds` too large for it is refused here, before
  /// anything is written), then the directory `runs/<time>-<name>-search/` and its `search.json`.
  static func starting(_ plan: SearchPlan) throws -> SearchSession {
    let study = try makeStudy(plan)
    let options = try plan.trialPlan([:], origin: "the search's fixed options").dataset
    let dataset = try loadDataset(options)
    try RunSession.requireSplits(dataset)
    if let text = plan.settings.folds {
      let count = try FoldCount(parsing: text).count(rows: dataset.crossValidationPoolSize)
      if let problem = dataset.crossValidationProblem(folds: count) {
        throw CLIError.usage("--folds \(text): \(problem)")
      }
    }
    let base = RunLog.directoryName(name: plan.name + "-search", date: Date())
    let directory: URL
    do {
      directory = try RunLog.createUniqueDirectory(in: URL(fileURLWithPath: plan.runsDirectory), base: base)
      try plan.save(in: directory)
    } catch {
      throw CLIError.io("\(error)")
    }
    let session = SearchSession(plan: plan, directory: directory, study: study)
    session.datasets.append((options, dataset))
    return session
  }

  /// The search in `directory` again: its plan, its finished trials kept, those that were running
  /// run again with the same parameters; `trials` and `parallel`, when given, replace the plan's
  /// (more trials extend the search).
  static func resuming(_ directory: URL, jsonl: Bool, trials newTotal: Int?, parallel: Int?) throws -> SearchSession {
    let planURL = directory.appendingPathComponent(SearchFiles.plan)
    guard let data = FileManager.default.contents(atPath: planURL.path) else {
      throw CLIError.input("--resume \(directory.path): no \(SearchFiles.plan) (not a search directory?)")
    }
    var plan: SearchPlan
    do { plan = try JSONDecoder().decode(SearchPlan.self, from: data) } catch {
      throw CLIError.data("\(planURL.path): \(error)")
    }
    plan.jsonl = jsonl
    if let newTotal { plan.settings.trials = newTotal }
    if let parallel { plan.settings.parallel = parallel }
    if newTotal != nil || parallel != nil {
      do { try plan.save(in: directory) } catch {
        throw CLIError.io("\(planURL.path): \(error)")
      }
    }
    var study = try makeStudy(plan)
    let csv = directory.appendingPathComponent(TrialsFile.name)
    let text = (try? String(contentsOf: csv, encoding: .utf8)) ?? ""
    let trials = try TrialsFile.parse(text, space: study.space, path: csv.path)
    let session = SearchSession(plan: plan, directory: directory, study: study)
    for var trial in trials {
      if trial.state == .running {
        trial.intermediate = [:]
        trial.epochs = 0
        session.queued.append(trial)
      } else {
        trial.intermediate = session.intermediateValues(of: trial.number)
      }
      study.restore(trial)
    }
    session.box.withLock { $0 = study }
    session.printer.restored(study)
    return session
  }

  private static func makeStudy(_ plan: SearchPlan) throws -> Study {
    do {
      return try Study(
        space: plan.searchSpace(), direction: plan.settings.direction, strategy: plan.settings.strategy,
        pruner: plan.settings.pruner, trials: plan.settings.trials, seed: plan.settings.seed)
    } catch let error as SearchSpaceError {
      throw CLIError.usage("search space: \(error)")
    }
  }

  /// Runs the search to its end; returns the exit code (0, also when the dashboard is quit before
  /// the end; 70 when no trial completed; 74 when the terminal could not be opened; 128 + signal).
  /// In a terminal (not `--headless`, not `--jsonl`) the trials dashboard shows it and stays open
  /// until quit; otherwise it prints a line per trial.
  func execute(headless: Bool) -> Int32 {
    let signals = SignalHandler { [stopping] in stopping.set() }
    interactive = !headless && !plan.jsonl && isatty(STDOUT_FILENO) != 0 && isatty(STDIN_FILENO) != 0
    var failure: String?
    var quitEarly = false
    if interactive {
      failure = SearchApp(session: self, signals: signals).run()
      quitEarly = !isOver
      stopping.set()
      for entry in promoted where !entry.session.channel.isFinished {
        entry.session.channel.send(.stop(.interrupted), source: .signal)
      }
      while !step() || promoted.contains(where: { !$0.session.channel.isFinished }) { usleep(20_000) }
      for entry in promoted { try? entry.session.runLog.close() }
    } else {
      printer.header(study: study, directory: directory)
      while !step() { usleep(20_000) }
    }
    writeFiles()
    if let failure {
      FileHandle.standardError.write(Data("traintop: \(failure)\n".utf8))
      return 74
    }
    printer.summary(study, directory: directory)
    if let code = signals.exitCode { return code }
    // Quitting the dashboard mid-search is the user's choice (as q on a run): 0, and --resume goes on.
    return study.best == nil && !quitEarly ? 70 : 0
  }

  /// One turn of the search's loop: starts trials (unless paused), collects those that ended and
  /// the promoted runs that ended; true when the search is over (every trial ended, or it stopped).
  @discardableResult
  func step() -> Bool {
    if stopping.isSet { stopAll() }
    if !paused { startTrials() }
    poll()
    pollPromoted()
    return isOver
  }

  /// Every trial has ended, or the search was stopped and its running trials have.
  var isOver: Bool {
    running.isEmpty && (stopping.isSet || (queued.isEmpty && box.withLock { $0.isExhausted }))
  }

  /// Adds a line to the events (the dashboard's) and counts a change.
  func note(_ event: String) {
    events.append(event)
    if events.count > Self.eventLimit { events.removeFirst(events.count - Self.eventLimit) }
    changes += 1
  }

  /// The most events kept.
  static let eventLimit = 500

  /// Changes whenever the dashboard's frame may differ: a trial's progress, an event, a setting.
  var version: Int {
    var hasher = Hasher()
    hasher.combine(changes)
    for (number, run) in running.sorted(by: { $0.key < $1.key }) {
      hasher.combine(number)
      hasher.combine(run.session.channel.latest().version)
    }
    return hasher.finalize()
  }

  /// The search as the trials dashboard draws it.
  func snapshot() -> SearchSnapshot {
    var progress: [Int: TrialProgress] = [:]
    for (number, run) in running {
      guard let latest = run.session.channel.latest().snapshot else { continue }
      progress[number] = TrialProgress(epoch: latest.epoch, epochs: latest.info.totalEpochs)
    }
    return SearchSnapshot(
      study: study, metric: plan.settings.metric.rawValue, name: directory.lastPathComponent,
      parallel: plan.settings.parallel, paused: paused, finished: isOver, progress: progress, events: events)
  }

  /// The trials training now, by number.
  var runningTrials: [TrialRun] { running.values.sorted { $0.number < $1.number } }

  /// Changes the study under its lock (the trainers report to it from their threads).
  func withStudy<R>(_ body: (inout Study) -> R) -> R {
    changes += 1
    return box.withLock(body)
  }

  /// Writes search.json again (after a change `--resume` must keep).
  func savePlan() {
    do {
      try plan.save(in: directory)
    } catch {
      note("cannot write \(SearchFiles.plan): \(error)")
    }
  }

  /// Trial `number`'s run directory (its folds in `fold-N/` under it).
  func trialDirectory(_ number: Int) -> URL {
    directory.appendingPathComponent(String(format: "trial-%04d", number))
  }

  /// The run directory `traintop view` would show for trial `number`: its own, or its last fold's.
  func recordedDirectory(of number: Int) -> URL {
    let folder = trialDirectory(number)
    let folds = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .compactMap { $0.hasPrefix("fold-") ? Int($0.dropFirst(5)) : nil }
    return folds.max().map { folder.appendingPathComponent("fold-\($0)") } ?? folder
  }

  /// The running trial `number`'s channel (its fold now training), for its own dashboard.
  func channel(of number: Int) -> TrainerChannel? { running[number]?.session.channel }

  /// Starts trials until `parallel` are running or none are left.
  private func startTrials() {
    while running.count < plan.settings.parallel && !stopping.isSet {
      let trial: Trial
      if !queued.isEmpty {
        trial = queued.removeFirst()
      } else if let next = box.withLock({ $0.startTrial() }) {
        trial = next
      } else {
        return
      }
      start(trial)
    }
  }

  private func start(_ trial: Trial) {
    let folder = trialDirectory(trial.number)
    try? FileManager.default.removeItem(at: folder)  // a trial run again starts afresh
    do {
      let trialPlan = try plan.trialPlan(trial.parameters, origin: "trial \(trial.number)")
      let dataset = try cachedDataset(trialPlan.dataset)
      var folds = 1
      if let text = plan.settings.folds {
        let count = try FoldCount(parsing: text).count(rows: dataset.crossValidationPoolSize)
        if let problem = dataset.crossValidationProblem(folds: count) { throw CLIError.usage("--folds: \(problem)") }
        folds = count
      }
      running[trial.number] = try TrialRun(
        number: trial.number, plan: trialPlan, dataset: dataset, directory: folder, folds: folds,
        judge: folds > 1 ? nil : judge(trial.number))
      writeFiles()
    } catch {
      finish(trial.number, state: .failed, objective: nil, seconds: 0, reason: "\(error)")
    }
  }

  func cachedDataset(_ options: DatasetOptions) throws -> Dataset {
    if let found = datasets.first(where: { $0.options == options }) { return found.dataset }
    let dataset = try loadDataset(options)
    try RunSession.requireSplits(dataset)
    datasets.append((options, dataset))
    return dataset
  }

  /// What trial `number`'s trainer calls after each epoch: the metric reported to the study, and
  /// whether the pruner stops the trial there (Optuna's `report` and `should_prune`).
  private func judge(_ number: Int) -> @Sendable (EpochMetrics) -> Bool {
    { [box, metric = plan.settings.metric] metrics in
      box.withLock { $0.report(number, epoch: metrics.epoch, value: metric.value(in: metrics) ?? .nan) }
    }
  }

  /// Collects the trials whose trainer has finished.
  private func poll() {
    for (_, run) in running.sorted(by: { $0.key < $1.key }) where run.session.channel.isFinished {
      collect(run)
    }
  }

  /// A trial's fold has ended: the next fold, or the trial's outcome.
  private func collect(_ run: TrialRun) {
    try? run.session.runLog.close()
    let snapshot = run.session.channel.latest().snapshot
    var reason: StopReason?
    if case .stopped(let r) = snapshot?.status { reason = r }
    if reason == .interrupted {
      running[run.number] = nil  // left as running in trials.csv: --resume runs it again
      return
    }
    if let failure = run.session.trainer.failure {
      return finish(run, state: .failed, reason: failure)
    }
    switch reason {
    case .pruned:
      return finish(
        run, state: .pruned,
        reason: "pruned after epoch \(snapshot?.epochsDone ?? 0) (\(plan.settings.pruner.rawValue))")
    case .nonFinite, .divergence, .alert:
      return finish(run, state: .failed, reason: "stopped: \(reason?.rawValue ?? "")")
    default: break
    }
    let values = (snapshot?.epochs ?? []).compactMap { plan.settings.metric.value(in: $0) }.filter(\.isFinite)
    let objective =
      plan.settings.objective == .final ? values.last : plan.settings.direction.best(values)
    guard let objective else {
      return finish(run, state: .failed, reason: "no finite \(plan.settings.metric.rawValue)")
    }
    run.foldObjectives.append(objective)
    run.foldEpochs += snapshot?.epochsDone ?? 0
    if stopping.isSet && run.fold + 1 < run.folds {
      running[run.number] = nil  // folds left when the search stops: --resume runs the trial again
      return
    }
    // A trial stopped by hand ends here, its objective the folds trained so far.
    if reason != .manual {
      do {
        if try run.nextFold() { return }
      } catch {
        return finish(run, state: .failed, reason: "fold \(run.fold + 1): \(error)")
      }
    }
    var stopped: String?
    if reason == .manual {
      let fold = run.folds > 1 ? " of fold \(run.fold + 1)/\(run.folds)" : ""
      stopped = "stopped by hand after epoch \(snapshot?.epochsDone ?? 0)\(fold)"
    }
    finish(run, state: .complete, reason: stopped, objective: MeanDeviation(run.foldObjectives).mean)
  }

  private func finish(_ run: TrialRun, state: TrialState, reason: String?, objective: Double? = nil) {
    running[run.number] = nil
    finish(
      run.number, state: state, objective: objective, seconds: run.seconds, reason: reason,
      epochs: run.folds > 1 ? run.foldEpochs : nil)
  }

  private func finish(
    _ number: Int, state: TrialState, objective: Double?, seconds: Double, reason: String?, epochs: Int? = nil
  ) {
    let study = box.withLock {
      $0.finish(number, state: state, objective: objective, seconds: seconds, reason: reason, epochs: epochs)
      return $0
    }
    writeFiles()
    guard let trial = study.trials.first(where: { $0.number == number }) else { return }
    if interactive {
      note(printer.line(trial, study: study))
    } else {
      printer.trial(trial, study: study)
    }
  }

  /// Asks every running trial to stop (a signal): they end as interrupted and stay to be run again.
  private func stopAll() {
    for run in running.values where !run.stopRequested {
      run.stopRequested = true
      run.session.channel.send(.stop(.interrupted), source: .signal)
    }
  }

  /// `trials.csv` and `best.toml`; a failed write is reported once and the search goes on.
  private func writeFiles() {
    let study = self.study
    do {
      let csv = TrialsFile.text(study.trials, names: study.space.names)
      try AtomicFile.write(Data(csv.utf8), to: directory.appendingPathComponent(TrialsFile.name))
      if let best = study.best {
        let text = BestConfig.text(best, plan: plan, objective: printer.objectiveText(best))
        try AtomicFile.write(Data(text.utf8), to: directory.appendingPathComponent(BestConfig.name))
      }
    } catch {
      let message = "cannot write the search's files: \(error)"
      if interactive {
        if events.last != message { note(message) }
      } else {
        printer.writeFailed("\(error)")
      }
    }
  }

  /// A finished trial's per-epoch metric, read back from its metrics.csv (for the pruners after `--resume`).
  private func intermediateValues(of number: Int) -> [Int: Double] {
    guard let run = try? ComparisonRun.load(trialDirectory(number)) else { return [:] }
    var values: [Int: Double] = [:]
    for metrics in run.epochs { values[metrics.epoch] = plan.settings.metric.value(in: metrics) ?? .nan }
    return values
  }
}

/// The study behind a lock: the search loop starts and finishes trials, the trainers report epochs.
final class StudyBox: Sendable {
  private let state: Mutex<Study>

  init(_ study: Study) { state = Mutex(study) }

  func withLock<R>(_ body: (inout Study) -> R) -> R { state.withLock { body(&$0) } }
}

/// Set by the signal handler's queue, read by the search loop.
final class StopFlag: Sendable {
  private let value = Atomic<Bool>(false)
  var isSet: Bool { value.load(ordering: .relaxed) }
  func set() { value.store(true, ordering: .relaxed) }
}

/// The names of a search directory's own files.
enum SearchFiles {
  static let plan = "search.json"
}
