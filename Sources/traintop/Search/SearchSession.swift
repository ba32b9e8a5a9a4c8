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
  let plan: SearchPlan
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
      let data = try TrainingJSON.encoder(pretty: true).encode(plan)
      try AtomicFile.write(data, to: directory.appendingPathComponent(SearchFiles.plan))
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
      do { try AtomicFile.write(try TrainingJSON.encoder(pretty: true).encode(plan), to: planURL) } catch {
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

  /// Runs the search to its end; returns the exit code (0; 70 when no trial completed; 128 + signal).
  func execute() -> Int32 {
    let signals = SignalHandler { [stopping] in stopping.set() }
    printer.header(study: study, directory: directory)
    while true {
      if stopping.isSet { stopAll() }
      startTrials()
      poll()
      if running.isEmpty && (stopping.isSet || (queued.isEmpty && box.withLock { $0.isExhausted })) { break }
      usleep(20_000)
    }
    writeFiles()
    printer.summary(study, directory: directory)
    if let code = signals.exitCode { return code }
    return study.best == nil ? 70 : 0
  }

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
    let folder = directory.appendingPathComponent(String(format: "trial-%04d", trial.number))
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

  private func cachedDataset(_ options: DatasetOptions) throws -> Dataset {
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
        reason: "pruned after epoch \(snapshot?.epochs.count ?? 0) (\(plan.settings.pruner.rawValue))")
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
    run.foldEpochs += snapshot?.epochs.count ?? 0
    if stopping.isSet && run.fold + 1 < run.folds {
      running[run.number] = nil  // folds left when the search stops: --resume runs the trial again
      return
    }
    do {
      if try run.nextFold() { return }
    } catch {
      return finish(run, state: .failed, reason: "fold \(run.fold + 1): \(error)")
    }
    finish(run, state: .complete, reason: nil, objective: MeanDeviation(run.foldObjectives).mean)
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
    if let trial = study.trials.first(where: { $0.number == number }) { printer.trial(trial, study: study) }
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
      printer.writeFailed("\(error)")
    }
  }

  /// A finished trial's per-epoch metric, read back from its metrics.csv (for the pruners after `--resume`).
  private func intermediateValues(of number: Int) -> [Int: Double] {
    let folder = directory.appendingPathComponent(String(format: "trial-%04d", number))
    guard let run = try? ComparisonRun.load(folder) else { return [:] }
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
