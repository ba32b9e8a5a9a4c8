import ArgumentParser
import Datasets
import Foundation
import NN
import Tensor
import Training

/// `traintop eval CHECKPOINT`: evaluates a saved model on a dataset's test split.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval", abstract: "Evaluate a checkpoint on a dataset's test split.")

  @Argument(help: "A .safetensors checkpoint written by traintop (e.g. runs/…/checkpoints/best.safetensors).")
  var checkpoint: String

  @Option(help: "Dataset (default: the one the run trained on, from its config.json).")
  var dataset: String?

  func run() throws {
    let url = URL(fileURLWithPath: checkpoint)
    let saved: Checkpoint
    do { saved = try Checkpoint.load(from: url) } catch { throw CLIError.input("\(error)") }
    guard let configuration = try? saved.json(TrainerConfiguration.self, for: .config) else {
      throw CLIError.data("\(checkpoint): no traintop configuration in its metadata")
    }
    let runDirectory = url.deletingLastPathComponent().deletingLastPathComponent()
    let record = try? RunRecord.load(runDirectory: runDirectory)
    do { try configuration.validate() } catch {
      throw CLIError.data("\(checkpoint): its stored configuration is damaged: \(error)")
    }
    var data = try loadData(record: record)
    if let record, dataset == nil {
      do { data = try data.applying(record.preprocessing) } catch { throw CLIError.data("\(error)") }
    }
    let spec = configuration.model
    guard spec.inputFeatures == data.featureCount, spec.outputFeatures == data.task.outputCount else {
      throw CLIError.data(
        "\(checkpoint): the model \(configuration.model) takes \(configuration.model.inputFeatures) inputs and gives "
          + "\(configuration.model.outputFeatures) outputs, but \(data.name) has \(data.featureCount) features and "
          + "\(data.task.outputCount) \(data.task.isClassification ? "classes" : "targets")")
    }
    var generator = SeededGenerator(seed: configuration.seed)
    let model = Sequential(spec: configuration.model, rng: &generator)
    do { try model.loadState(from: saved.model) } catch {
      throw CLIError.data("\(checkpoint): does not fit the model \(configuration.model): \(error)")
    }
    let split = data.test.count > 0 ? data.test : data.validation
    print("traintop eval: \(configuration.model) on \(data.name) test split (\(split.count) samples)")
    let evaluator = Evaluator(model: model, loss: configuration.makeLoss(for: data.task), task: data.task)
    let result = evaluator.evaluate(split)
    print(String(format: "loss: %.4f", result.loss))
    if let c = result.confusion {
      print(
        String(
          format: "accuracy: %.4f  macro precision: %.4f  macro recall: %.4f  macro F1: %.4f",
          c.accuracy, c.macroPrecision, c.macroRecall, c.macroF1))
    } else if let r = result.regression {
      print(
        String(
          format: "MSE: %.4f  MAE: %.4f  RMSE: %.4f  R²: %.4f",
          r.meanSquaredError, r.meanAbsoluteError, r.rootMeanSquaredError, r.r2))
    }
  }

  private func loadData(record: RunRecord?) throws -> Dataset {
    if let dataset { return try loadDataset(DatasetOptions(dataset)) }
    guard let record else {
      throw CLIError.usage("no config.json beside the checkpoint's run: give --dataset")
    }
    return try loadDataset(record.dataset)
  }
}
