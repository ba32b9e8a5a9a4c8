import ArgumentParser
import Dashboard
import Datasets
import Foundation
import NN
import Tensor
import Training

/// `traintop lr-find`: the learning-rate range test on a fresh copy of the model `train` would build.
struct LRFindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lr-find",
    abstract: "Sweep the learning rate exponentially and suggest one (fastai's lr_find, Lightning's lr_find).",
    discussion: """
      Trains a fresh model (the one `train` would build from the same options) for --num-it steps while \
      the rate grows from --start-lr to --end-lr, stopping early once the smoothed loss passes 4× its \
      best. Prints the curve and one suggestion per rule: fastai's valley (the default), steep, minimum \
      and slide, and Lightning's steepest descent. No run directory is written.
      Exit codes: 0 done, 64 bad options, 65 bad data, 66 missing input.
      """)

  @Option(name: .customLong("start-lr"), help: "The first learning rate (default: 1e-7).")
  var startRate: Double = 1e-7
  @Option(name: .customLong("end-lr"), help: "The rate the sweep grows towards (default: 10).")
  var endRate: Double = 10
  @Option(name: .customLong("num-it"), help: "Steps in the sweep (default: 100).")
  var iterations: Int = 100
  @OptionGroup var options: TrainOptions

  func run() throws {
    let test = try rangeTest()
    var plan = try Self.plan(options)
    let dataset = try loadDataset(plan.dataset)
    try plan.complete(for: dataset)
    if plan.trainer.batchSize == 0 { plan.trainer.batchSize = max(1, dataset.train.count) }
    let curve = Self.sweep(test, plan.trainer, dataset)
    let suggestions = LRSuggestion.all(rates: curve.rates, losses: curve.losses, iterations: test.iterations)
    for line in Self.report(test, curve, suggestions, dataset: dataset.name) { print(line) }
  }

  /// The sweep's settings, checked.
  func rangeTest() throws -> LRRangeTest {
    guard startRate.isFinite, endRate.isFinite, startRate > 0, endRate > startRate else {
      throw CLIError.usage("--start-lr and --end-lr: expected 0 < start < end, got \(startRate) and \(endRate)")
    }
    guard (2...100_000).contains(iterations) else {
      throw CLIError.usage("--num-it: expected a whole number in 2…100000, got \(iterations)")
    }
    return LRRangeTest(startRate: startRate, endRate: endRate, iterations: iterations)
  }

  /// The run plan of the same options, as `train` makes it.
  static func plan(_ options: TrainOptions) throws -> RunPlan {
    do {
      let config = try options.config.map { try ConfigFile(path: $0) } ?? ConfigFile()
      return try RunPlan(options: options, config: config)
    } catch let error as ConfigError {
      throw CLIError.usage("\(error)")
    }
  }

  /// Runs `test` on a fresh engine (model, optimizer, loss, regularisation) made from `configuration`,
  /// seeded as `train` is.
  static func sweep(_ test: LRRangeTest, _ configuration: TrainerConfiguration, _ dataset: Dataset) -> LRCurve {
    if let threads = configuration.threads { ComputeEngine.setThreads(threads) }
    return test.run(
      engine: StepEngine(configuration: configuration, task: dataset.task), task: dataset.task,
      split: dataset.train, batchSize: configuration.batchSize, seed: configuration.seed)
  }

  /// What the command prints: the sweep, the curve as a braille chart, one line per suggestion.
  static func report(_ test: LRRangeTest, _ curve: LRCurve, _ suggestions: [LRSuggestion], dataset: String)
    -> [String]
  {
    let range = "\(Format.compact(test.startRate)) → \(Format.compact(test.endRate))"
    var lines = ["lr-find \(dataset): \(curve.rates.count) steps, learning rate \(range)"]
    if let step = curve.stoppedAtStep {
      lines.append("stopped at step \(step + 1): the smoothed loss passed \(Format.compact(test.stopFactor))× its best")
    }
    lines += chart(curve, suggestions)
    if suggestions.isEmpty {
      lines.append("no suggestion: too few steps before the loss diverged (try a lower --end-lr or more --num-it)")
    }
    for suggestion in suggestions {
      lines.append(
        "suggested lr \(Format.compact(suggestion.rate, significantDigits: 2)) (\(suggestion.rule.rawValue))")
    }
    return lines
  }

  /// Smoothed loss against log10 of the rate, 72×14, with the valley suggestion marked `▼`.
  static func chart(_ curve: LRCurve, _ suggestions: [LRSuggestion]) -> [String] {
    let xs = curve.rates.map(log10)
    let series = ChartSeries(xs: xs, ys: curve.losses, style: .plain)
    let markers = suggestions.filter { $0.rule == .valley }.map {
      ChartMarker(x: log10($0.rate), character: "▼", style: .plain)
    }
    var screen = Screen(width: 72, height: 14)
    BrailleChart(series: [series], markers: markers, xUnit: "log10 lr").render(into: &screen, in: screen.bounds)
    return screen.lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
  }
}
