import Datasets
import Dispatch
import Foundation
import Tensor
import Training

/// One training run wired up: data, trainer on its own queue, logs, signals, and the front end.
final class RunSession {
  let plan: RunPlan
  let dataset: Dataset
  let trainer: Trainer
  let channel: TrainerChannel
  let runLog: RunLog

  private init(plan: RunPlan, dataset: Dataset, trainer: Trainer, channel: TrainerChannel, runLog: RunLog) {
    self.plan = plan
    self.dataset = dataset
    self.trainer = trainer
    self.channel = channel
    self.runLog = runLog
  }

  /// A new run: loads the data, creates the run directory and writes config.json.
  static func starting(_ initial: RunPlan) throws -> RunSession {
    var plan = initial
    let dataset = try loadDataset(plan.dataset)
    try requireSplits(dataset)
    try plan.complete(for: dataset)
    if plan.trainer.batchSize == 0 { plan.trainer.batchSize = max(1, dataset.train.count) }
    let found = plan.autoLearningRate ? findLearningRate(&plan, dataset) : nil
    let log = try RunLog(
      root: URL(fileURLWithPath: plan.runsDirectory), name: plan.name,
      isClassification: dataset.task.isClassification)
    let record = RunRecord(
      trainer: plan.trainer, dataset: plan.dataset, preprocessing: dataset.preprocessing,
      datasetSummary: dataset.summary, blas: "\(ComputeEngine.summary), \(plan.threads) thread(s)",
      commandLine: CommandLine.arguments)
    try log.writeConfig(record)
    let session = make(plan: plan, dataset: dataset, log: log)
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
    let log = try RunLog(directory: directory, isClassification: dataset.task.isClassification)
    let session = make(plan: plan, dataset: dataset, log: log)
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
  private static func requireSplits(_ dataset: Dataset) throws {
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
    let restoredEpochs = trainer.epochs.count
    startTrainer()
    if interactive {
      let app = DashboardApp(channel: channel, signals: signals, plan: plan)
      if let failure = app.run() {
        FileHandle.standardError.write(Data("traintop: \(failure)\n".utf8))
        channel.send(.stop(.interrupted), source: .signal)
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
  private func startTrainer() {
    let owned = TrainerHandle(trainer)
    DispatchQueue(label: "traintop.trainer", qos: .userInitiated).async {
      owned.trainer.run()
    }
  }

  private func waitForTrainer() {
    while !channel.isFinished { usleep(20_000) }
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
