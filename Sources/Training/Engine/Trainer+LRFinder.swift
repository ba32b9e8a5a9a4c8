import Foundation
import NN
import Tensor

extension Trainer {
  /// `f`, `:lr-find`: the range test on copies of the current weights and optimizer state; the run
  /// waits (paused) with the result in its snapshots until `finishLRFind` applies or drops it.
  func findLearningRate() -> Result<EventDetail?, CommandRejection> {
    guard lrFinder == nil else { return .failure(CommandRejection(reason: "an LR finder result is already open")) }
    let copy: StepEngine
    do {
      copy = try engineCopy()
    } catch {
      return .failure(CommandRejection(reason: "the weights could not be copied: \(error)"))
    }
    let test = LRRangeTest()
    let curve = test.run(
      engine: copy, task: dataset.task, split: dataset.train, batchSize: sampler.batchSize,
      seed: configuration.seed &+ UInt64(progress.step))
    let suggestions = LRSuggestion.all(rates: curve.rates, losses: curve.losses, iterations: test.iterations)
    lrFinder = LRFinderResult(curve: curve, suggestions: suggestions, step: progress.step, resumes: status == .running)
    if status == .running { status = .paused }
    return .success(.lrFound(suggestions))
  }

  /// Closes the LR finder: applies `rate` (an LR change from `lr-find`) or nothing, then resumes if
  /// the run was running before.
  func finishLRFind(applying rate: Double?) -> Result<EventDetail?, CommandRejection> {
    guard let result = lrFinder else { return .failure(CommandRejection(reason: "no LR finder result is open")) }
    lrFinder = nil
    // An ordinary LR change (checked, undoable, its event from `lr-find`).
    if let rate { apply(.set(.learningRate, rate), source: .lrFind) }
    if result.resumes, status == .paused { status = .running }
    return .success(rate == nil ? .lrFindDiscarded : nil)
  }

  /// `--lr auto`: records, before the first step, the rate the run starts with and where it came from.
  public func noteAutomaticLearningRate(_ suggestions: [LRSuggestion], rate: Double) {
    record(.automaticLearningRate(rate, suggestions), source: .config)
  }

  /// A new engine holding the current weights, an optimizer of the same kind with the same state,
  /// the same loss and regularisation.
  func engineCopy() throws -> StepEngine {
    var scratch = SeededGenerator(seed: 0)
    let model = Sequential(spec: configuration.model, rng: &scratch)
    try model.loadState(from: self.model.stateTensors())
    let optimizer = makeOptimizer(self.optimizer.kind, settings: self.optimizer.settings)
    try optimizer.importState(
      self.optimizer.exportState(self.model.parameters), stepCount: self.optimizer.stepCount,
      parameters: model.parameters)
    return StepEngine(
      model: model, optimizer: optimizer, loss: engine.loss, regularization: regularization, rng: engine.rng)
  }
}
