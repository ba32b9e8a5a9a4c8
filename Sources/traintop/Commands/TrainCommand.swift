import ArgumentParser
import Datasets
import Foundation
import Training

/// `traintop train`: trains a model, with the dashboard in a terminal or headless otherwise.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train a model; opens the live dashboard when stdout is a terminal.",
    discussion: """
      Every option can also be given in a TOML or JSON file with --config (keys are the long \
      option names, e.g. batch-size = 64); command-line flags override the file. A config file's \
      [[change]] tables (step = N and one setting, as `traintop changes` writes them) are applied at \
      those steps.
      Exit codes: 0 done, 64 bad options, 65 bad data, 66 missing input, 70 the run failed \
      (no step taken, non-finite final metrics, a failed restore), 74 terminal error, 130/143 interrupted.
      """)

  @OptionGroup var options: TrainOptions

  func run() throws {
    let plan = try makePlan()
    let code: Int32
    if let folds = plan.folds {
      code = try CrossValidationRun(plan: plan, folds: folds).execute()
    } else {
      code = try makeSession(plan).execute()
    }
    if code != 0 { throw ExitCode(code) }
  }

  /// The options resolved against the config file (64 for any bad value).
  func makePlan() throws -> RunPlan {
    let config: ConfigFile
    do {
      config = try options.config.map { try ConfigFile(path: $0) } ?? ConfigFile()
    } catch let error as ConfigError {
      throw CLIError.usage("\(error)")
    }
    let plan: RunPlan
    do {
      plan = try RunPlan(options: options, config: config)
    } catch let error as ConfigError {
      throw CLIError.usage("\(error)")
    }
    return plan
  }

  /// A new run from the plan, or a resumed one with `--resume`.
  func makeSession(_ plan: RunPlan) throws -> RunSession {
    if let resume = plan.resume {
      let epochs = options.epochs == nil ? nil : plan.trainer.epochs
      return try RunSession.resuming(URL(fileURLWithPath: resume), plan: plan, epochs: epochs)
    }
    return try RunSession.starting(plan)
  }
}
