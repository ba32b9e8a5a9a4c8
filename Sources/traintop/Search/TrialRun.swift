import Datasets
import Foundation
import Search
import Training

/// A trial being trained: its plan and data, the fold now training (its own `RunSession` and
/// trainer queue), and what has been reported of it so far. Touched only by the search's loop.
final class TrialRun {
  let number: Int
  let plan: RunPlan
  let dataset: Dataset
  /// The trial's run directory (`trial-0007/`; its folds in `fold-N/` under it).
  let directory: URL
  /// 1 without `--folds`.
  let folds: Int
  let started = Date()
  private(set) var fold = 0
  private(set) var session: RunSession
  /// Each finished fold's objective.
  var foldObjectives: [Double] = []
  /// Epochs trained over the finished folds.
  var foldEpochs = 0
  /// Set once the search asked it to stop (pruned, or the search is stopping).
  var stopRequested = false

  /// Starts fold 0 (or the whole trial) on its own queue; `judge` (the pruner) sees every epoch.
  init(
    number: Int, plan: RunPlan, dataset: Dataset, directory: URL, folds: Int,
    judge: (@Sendable (EpochMetrics) -> Bool)?
  ) throws {
    self.number = number
    self.plan = plan
    self.dataset = dataset
    self.directory = directory
    self.folds = folds
    session = try Self.launch(plan: plan, dataset: dataset, directory: directory, fold: 0, of: folds, judge: judge)
  }

  /// Starts the next fold; false when every fold has run.
  func nextFold() throws -> Bool {
    guard fold + 1 < folds else { return false }
    fold += 1
    session = try Self.launch(plan: plan, dataset: dataset, directory: directory, fold: fold, of: folds, judge: nil)
    return true
  }

  private static func launch(
    plan: RunPlan, dataset: Dataset, directory: URL, fold: Int, of folds: Int,
    judge: (@Sendable (EpochMetrics) -> Bool)?
  ) throws -> RunSession {
    let data = folds > 1 ? dataset.crossValidationFold(fold, of: folds, seed: plan.trainer.seed) : dataset
    let place = folds > 1 ? directory.appendingPathComponent("fold-\(fold + 1)") : directory
    let session = try RunSession.starting(plan, dataset: data, directory: place)
    if folds > 1 {
      session.trainer.noteCrossValidation(CrossValidationStatus(fold: fold + 1, folds: folds, finished: []))
    }
    session.trainer.epochJudge = judge
    session.startTrainer()
    return session
  }

  /// Seconds since the trial started.
  var seconds: Double { Date().timeIntervalSince(started) }
}
