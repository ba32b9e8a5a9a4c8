import Datasets
import Dispatch
import Foundation
import NN
import Tensor
import Training

/// One training run wired up: data, trainer on its own queue, logs, signals, and the front end.
final class RunSession {
  let plan: RunPlan
  let dataset: Dataset
  let trainer: Trainer
  let channel: TrainerChannel
  let runLog: RunLog
  /// The trainers `:fork` started beside this one, with their logs (closed at the end).
  private var forks: [(trainer: Trainer, channel: TrainerChannel, log: RunLog)] = []

  private init(plan: RunPlan, dataset: Dataset, trainer: Trainer, channel: TrainerChannel, runLog: RunLog) {
    self.plan = plan
    self.dataset = dataset
    self.trainer = trainer
    self.channel = channel
    self.runLog = runLog
  }

  /// A new run: loads the data (unless given: a cross-validation fold, a search's cached data),
  /// creates the run directory (or uses `directory`) and writes config.json.
  static func starting(_ initial: RunPlan, dataset given: Dataset? = nil, directory: URL? = nil) throws -> RunSession {
    var plan = initial
    let dataset = try given ?? loadDataset(plan.dataset)
    try requireSplits(dataset)
    try plan.complete(for: dataset)
    if plan.trainer.batchSize == 0 { plan.trainer.batchSize = max(1, dataset.train.count) }
    let found = plan.autoLearningRate ? findLearningRate(&plan, dataset) : nil
    let parent = try plan.from.map { try loadParent($0, plan: plan) }
    let replay = try plan.replay.map { try loadReplay($0, plan: plan) }
    let comparisons = try loadComparisons(plan)
    let log =
      try directory.map {
        try RunLog(directory: $0, isClassification: dataset.task.isClassification, tensorBoard: plan.tensorBoard)
      }
      ?? RunLog(
        root: URL(fileURLWithPath: plan.runsDirectory), name: plan.name,
        isClassification: dataset.task.isClassification, tensorBoard: plan.tensorBoard)
    let record = RunRecord(
      trainer: plan.trainer, dataset: plan.dataset, preprocessing: dataset.preprocessing,
      datasetSummary: dataset.summary, blas: "\(ComputeEngine.summary), \(plan.threads) thread(s)",
      commandLine: CommandLine.arguments,
      parent: parent.map { ParentRun(run: $0.run, checkpoint: $0.url.path, step: $0.checkpoint.step) },
      stepsPerEpoch: EpochSampler(count: dataset.train.count, batchSize: plan.trainer.batchSize, seed: 0)
        .batchesPerEpoch,
      scheduledChanges: (replay?.script ?? plan.changes?.script).map(ScheduledChanges.init))
    try log.writeConfig(record)
    let session = make(plan: plan, dataset: dataset, log: log)
    session.trainer.comparisons = comparisons
    if let replay {
      session.trainer.replay = replay.script
      session.trainer.noteReplay(of: replay.run, changes: replay.script.changes.count)
    } else if let changes = plan.changes {
      session.trainer.replay = changes.script
      session.trainer.noteReplay(of: changes.file, changes: changes.script.changes.count)
    }
    if let parent {
      try session.trainer.start(
        from: parent.checkpoint, path: parent.url.path, resetHead: plan.resetHead, optimizer: plan.fromOptimizer)
    }
    if let found { session.trainer.noteAutomaticLearningRate(found, rate: plan.trainer.settings.learningRate) }
    return session
  }

  /// `--lr auto`: the LR range test on a fresh copy of the model, its valley suggestion as the rate
  /// (the dataset's default rate when the sweep gives none); returns the suggestions.
  private static func findLearningRate(_ plan: inout RunPlan, _ dataset: Dataset) -> [LRSuggestion] {
    let test = LRRangeTest()
    let curve = LRFindCommand.sweep(test, plan.trainer, dataset)
    let suggestions = LRSuggestion.all(rates: curve.rates, losses: curve.losses, iterations: test.iterations)
    if let valley = suggestions.first(where: { $0.rule == .valley }) {
      plan.trainer.settings.learningRate = valley.rate
    }
    return suggestions
  }

  /// `--from PATH`: the checkpoint (a run directory's best, else last; or a `.safetensors` file),
  /// checked against the plan's model before anything is written: a missing path exits 66, a
  /// damaged file or one whose tensors do not fit (named, with both shapes) 65.
  static func loadParent(_ path: String, plan: RunPlan) throws -> (run: String, url: URL, checkpoint: Checkpoint) {
    let given = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: given.path, isDirectory: &isDirectory) else {
      throw CLIError.input("--from \(path): no such run directory or checkpoint")
    }
    var url = given
    if isDirectory.boolValue {
      let folder = given.appendingPathComponent("checkpoints")
      let candidates = ["best", "last"].map { folder.appendingPathComponent("\($0).safetensors") }
      guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
        throw CLIError.input("--from \(path): no checkpoints/best.safetensors or last.safetensors in it")
      }
      url = found
    }
    let checkpoint: Checkpoint
    do { checkpoint = try Checkpoint.load(from: url) } catch { throw CLIError.data("--from \(url.path): \(error)") }
    var rng = SeededGenerator(seed: plan.trainer.seed)
    let model = Sequential(spec: plan.trainer.model, rng: &rng)
    do {
      try model.loadState(from: checkpoint.model, skipping: plan.resetHead ? model.headParameterNames : [])
    } catch {
      throw CLIError.data(
        "--from \(url.path): \(error) (--model \(plan.trainer.model)"
          + (plan.resetHead ? ")" : "; --reset-head trains a new head when only the classes differ)"))
    }
    if plan.fromOptimizer {
      let kind = checkpoint[.optimizerKind] ?? "none"
      guard kind == plan.trainer.optimizer.rawValue else {
        throw CLIError.usage(
          "--from-optimizer: \(url.path) holds \(kind) state, this run uses \(plan.trainer.optimizer.rawValue) "
            + "(give --optimizer \(kind), or leave out --from-optimizer)")
      }
      guard !plan.resetHead else {
        throw CLIError.usage("--from-optimizer cannot carry state for the head --reset-head replaces; use one of them")
      }
    }
    // A run directory's checkpoint names the run; a bare file, the run two folders up (…/RUN/checkpoints/x).
    let run =
      isDirectory.boolValue
      ? given.lastPathComponent : url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
    return (run, url, checkpoint)
  }

  /// `--compare RUN…`: each run read back for its ghost lines (66 when it is not a run, 65 when damaged).
  static func loadComparisons(_ plan: RunPlan) throws -> [ComparisonRun] {
    try plan.compare.map { path in
      do { return try ComparisonRun.load(URL(fileURLWithPath: path)) } catch let error as RunLogError {
        if case .unreadable = error { throw CLIError.input("--compare \(path): \(error) (not a run directory?)") }
        throw CLIError.data("--compare \(path): \(error)")
      }
    }
  }

  /// `--replay RUN`: the run's manual changes, once its configuration is known to match this plan's
  /// where it decides the outcome (data, model, seed, batch size, optimizer, learning rate, epochs);
  /// a difference is named (64), a missing run 66, a damaged events.jsonl 65.
  static func loadReplay(_ path: String, plan: RunPlan) throws -> (run: String, script: ReplayScript) {
    let directory = URL(fileURLWithPath: path)
    let record = try RunRecord.load(runDirectory: directory)
    let mine = plan.trainer
    let theirs = record.trainer
    let checks: [(String, String, String)] = [
      ("dataset", record.dataset.source.description, plan.dataset.source.description),
      ("model", theirs.model.description, mine.model.description), ("seed", "\(theirs.seed)", "\(mine.seed)"),
      ("batch-size", "\(theirs.batchSize)", "\(mine.batchSize)"),
      ("optimizer", theirs.optimizer.rawValue, mine.optimizer.rawValue),
      ("lr", "\(theirs.settings.learningRate)", "\(mine.settings.learningRate)"),
      ("epochs", "\(theirs.epochs)", "\(mine.epochs)"), ("schedule", theirs.schedule.rawValue, mine.schedule.rawValue),
    ]
    if let (name, recorded, given) = checks.first(where: { $0.1 != $0.2 }) {
      throw CLIError.usage(
        "--replay \(path): the run used \(name) \(recorded), this one \(given); give the run's options "
          + "(it was started as: \(record.commandLine.dropFirst().joined(separator: " ")))")
    }
    let events = directory.appendingPathComponent(RunLogFile.events.rawValue)
    do { return (directory.lastPathComponent, try ReplayScript.load(from: events)) } catch {
      throw CLIError.data("--replay: \(error)")
    }
  }

  /// Continues the run in `directory` from its last checkpoint, with its own configuration.
  ///
  /// Only `epochs` may be changed (to train longer); the schedule keeps its original length.
  static func resuming(_ directory: URL, plan initial: RunPlan, epochs: Int?) throws -> RunSession {
    var plan = initial
    let record = try RunRecord.load(runDirectory: directory)
    do { try record.trainer.validate() } catch {
      throw CLIError.data("\(directory.appendingPathComponent("config.json").path): \(error)")
    }
    plan.trainer = record.trainer
    if let epochs { plan.trainer.epochs = epochs }
    plan.dataset = record.dataset
    let dataset: Dataset
    do {
      dataset = try loadDataset(record.dataset).applying(record.preprocessing)
    } catch let error as DatasetError {
      throw CLIError.data("\(error)")
    }
    if plan.trainer.batchSize == 0 { plan.trainer.batchSize = max(1, dataset.train.count) }
    let comparisons = try loadComparisons(initial)
    let log = try RunLog(
      directory: directory, isClassification: dataset.task.isClassification, tensorBoard: plan.tensorBoard)
    let session = make(plan: plan, dataset: dataset, log: log)
    session.trainer.comparisons = comparisons
    if let scheduled = record.scheduledChanges {
      // The checkpoint says how many of them were made; `restore` drops those.
      session.trainer.replay = try scheduled.script(file: directory.appendingPathComponent("config.json").path)
    }
    let checkpoint = log.checkpointURL(.last)
    do {
      try session.trainer.restore(from: Checkpoint.load(from: checkpoint))
    } catch {
      throw CLIError.data("\(checkpoint.path): cannot resume: \(error)")
    }
    do {
      try log.rewind(toEpochs: session.trainer.completedEpochs, step: session.trainer.step)
    } catch {
      throw CLIError.data("\(directory.path): cannot rewind the logs to the checkpoint: \(error)")
    }
    return session
  }

  /// Training needs rows to learn from and a validation split to judge them on: early stopping and
  /// every val_ figure would otherwise be silently computed on the training rows.
  static func requireSplits(_ dataset: Dataset) throws {
    guard dataset.train.count > 0 else { throw CLIError.data("\(dataset.name): the training split is empty") }
    guard dataset.validation.count > 0 else {
      throw CLIError.data(
        "\(dataset.name): the validation split is empty (train \(dataset.train.count) rows); "
          + "give more rows or a larger --validation-fraction")
    }
  }

  private static func make(plan: RunPlan, dataset: Dataset, log: RunLog) -> RunSession {
    let channel = TrainerChannel()
    var configuration = plan.trainer
    configuration.pauseOnRollback = !plan.headless && isatty(STDOUT_FILENO) != 0
    let trainer = Trainer(
      configuration: configuration, dataset: dataset, channel: channel, runLog: log,
      augmenter: dataset.makeAugmenter(seed: configuration.seed))
    return RunSession(plan: plan, dataset: dataset, trainer: trainer, channel: channel, runLog: log)
  }

  /// Runs to the end and returns the exit code (0, or 128 + signal).
  func execute() -> Int32 {
    let signals = SignalHandler(channel: channel)
    let interactive = !plan.headless && isatty(STDOUT_FILENO) != 0 && isatty(STDIN_FILENO) != 0
    if !interactive && !plan.jsonl {
      print("traintop: \(dataset.summary)")
      print(
        "traintop: \(plan.trainer.model), \(trainer.model.parameterCount) parameters, "
          + "\(plan.trainer.optimizer.rawValue) lr \(Format.rate(plan.trainer.settings.learningRate)), "
          + "batch \(plan.trainer.batchSize); run directory \(runLog.directory.path)"
      )
    }
    let restoredEpochs = trainer.completedEpochs
    startTrainer()
    if interactive {
      let runs = LiveRuns(
        channel: channel, earlierRuns: { [unowned self] in earlierRuns() },
        spawn: { [unowned self] state, change, name, parent in
          try startFork(from: state, change: change, name: name, parent: parent)
        })
      let app = DashboardApp(source: runs, signals: signals, display: plan.display)
      let failure = app.run()
      runs.stopAll()  // the forks still training (the run itself was stopped by the quit or signal)
      if let failure {
        FileHandle.standardError.write(Data("traintop: \(failure)\n".utf8))
        waitForTrainer()
        return 74
      }
    } else {
      runHeadless(skipEpochs: restoredEpochs)
    }
    waitForTrainer()
    try? runLog.close()
    if let failure = trainer.failure {
      FileHandle.standardError.write(Data("traintop: \(failure)\n".utf8))
      return signals.exitCode ?? 70
    }
    return signals.exitCode ?? 0
  }

  /// Starts the trainer on its own queue; from here on only that queue touches it.
  func startTrainer() {
    let owned = TrainerHandle(trainer)
    DispatchQueue(label: "traintop.trainer", qos: .userInitiated).async {
      owned.trainer.run()
    }
  }

  /// The finished and unfinished runs of this dataset under the runs folder, newest first, but not
  /// this run or its forks: what `c` offers to compare with.
  private func earlierRuns() -> [(path: String, line: String)] {
    let root = URL(fileURLWithPath: plan.runsDirectory)
    let mine = Set([runLog.directory.lastPathComponent] + forks.map(\.log.directory.lastPathComponent))
    return RunSummary.all(in: root).filter { $0.dataset == plan.dataset.source.shortName && !mine.contains($0.name) }
      .reversed().map {
        (root.appendingPathComponent($0.name).path, $0.pickerLine)
      }
  }

  /// Waits for the trainer and any forks, and closes the forks' logs.
  private func waitForTrainer() {
    while !channel.isFinished || forks.contains(where: { !$0.channel.isFinished }) { usleep(20_000) }
    for fork in forks { try? fork.log.close() }
  }

  /// `:fork`: a second trainer continuing exactly from `state` (the focused run's copy, taken
  /// between two steps) with `change` applied first, on one compute thread, logging into its own
  /// run directory `<name>-fork-<B>` whose config.json names the parent run and step.
  private func startFork(
    from state: Checkpoint, change: TrainerCommand, name: String, parent parentChannel: TrainerChannel
  ) throws -> TrainerChannel {
    var configuration = plan.trainer
    configuration.threads = 1
    configuration.pauseOnRollback = true
    let log = try RunLog(
      root: URL(fileURLWithPath: plan.runsDirectory), name: "\(plan.name)-fork-\(name)",
      isClassification: dataset.task.isClassification, tensorBoard: plan.tensorBoard)
    let parent = forks.first { $0.channel === parentChannel }?.log.directory ?? runLog.directory
    var record = try RunRecord.load(runDirectory: parent)
    record.trainer = configuration
    record.commandLine = CommandLine.arguments + [":fork \(change.summary)"]
    record.parent = ParentRun(run: parent.lastPathComponent, checkpoint: "memory (:fork)", step: state.step)
    try log.writeConfig(record)
    let forkChannel = TrainerChannel()
    let fork = Trainer(
      configuration: configuration, dataset: dataset, channel: forkChannel, runLog: log,
      augmenter: dataset.makeAugmenter(seed: configuration.seed))
    try fork.restore(from: state)
    forkChannel.send(change, source: .prompt)
    forks.append((fork, forkChannel, log))
    let owned = TrainerHandle(fork)
    DispatchQueue(label: "traintop.fork.\(name)", qos: .userInitiated).async { owned.trainer.run() }
    return forkChannel
  }

  /// The headless front end: polls snapshots and prints epoch lines, then the summary.
  private func runHeadless(skipEpochs: Int) {
    var printer = HeadlessPrinter(jsonl: plan.jsonl, skipEpochs: skipEpochs)
    while !channel.isFinished {
      if let snapshot = channel.latest().snapshot { printer.update(snapshot) }
      usleep(50_000)
    }
    if let snapshot = channel.latest().snapshot {
      printer.update(snapshot)
      print(printer.summary(snapshot))
    }
  }
}

/// Hands the (non-Sendable) trainer to its queue; the main thread no longer touches it afterwards.
private struct TrainerHandle: @unchecked Sendable {
  let trainer: Trainer
  init(_ trainer: Trainer) { self.trainer = trainer }
}
