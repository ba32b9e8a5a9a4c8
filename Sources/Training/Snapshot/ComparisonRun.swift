import Foundation

/// A finished run read back from its directory to draw beside the live one (`--compare`): its
/// per-epoch metrics from `metrics.csv` and its step loss and learning rate from `steps.jsonl`,
/// downsampled like the live history.
public struct ComparisonRun: Sendable, Equatable {
  /// The run directory's name.
  public var name: String
  /// Its epochs (validation loss and metric, training loss, learning rate at each epoch end).
  public var epochs: [EpochMetrics]
  /// Its step loss and learning rate by step (empty when it logged no steps).
  public var stepLoss = Series()
  public var learningRate = Series()

  public init(name: String, epochs: [EpochMetrics], stepLoss: Series = Series(), learningRate: Series = Series()) {
    self.name = name
    self.epochs = epochs
    self.stepLoss = stepLoss
    self.learningRate = learningRate
  }

  /// Reads the run in `directory`; a run without a readable `metrics.csv` is an error naming it.
  public static func load(_ directory: URL) throws -> ComparisonRun {
    let metricsURL = directory.appendingPathComponent(RunLogFile.metrics.rawValue)
    guard let text = try? String(contentsOf: metricsURL, encoding: .utf8) else {
      throw RunLogError.unreadable(path: metricsURL.path)
    }
    let epochs = try parseMetrics(text, path: metricsURL.path)
    var history = History()
    let stepsURL = directory.appendingPathComponent(RunLogFile.steps.rawValue)
    if let steps = try? String(contentsOf: stepsURL, encoding: .utf8) {
      for line in steps.split(separator: "\n") {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
          let step = object["step"] as? Int, let loss = object["loss"] as? Double
        else { continue }
        history.record(loss, at: step, in: .trainLoss)
        if let rate = object["lr"] as? Double { history.record(rate, at: step, in: .learningRate) }
      }
    }
    return ComparisonRun(
      name: directory.lastPathComponent, epochs: epochs, stepLoss: history.series(.trainLoss),
      learningRate: history.series(.learningRate))
  }

  /// `metrics.csv`'s rows as epoch metrics (accuracy or R² columns, whichever the run has).
  public static func parseMetrics(_ text: String, path: String) throws -> [EpochMetrics] {
    let lines = text.split(separator: "\n")
    guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
      return []
    }
    func column(_ names: String...) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0) }.first }
    guard let epoch = column("epoch"), let trainLoss = column("train_loss"), let validationLoss = column("val_loss")
    else { throw RunLogError.badLine(path: path, line: 1) }
    let trainMetric = column("train_acc", "train_r2")
    let validationMetric = column("val_acc", "val_r2")
    let rate = column("lr")
    let seconds = column("seconds")
    let samples = column("samples_per_sec")
    return try lines.dropFirst().enumerated().map { index, line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count == header.count, let e = Int(fields[epoch]) else {
        throw RunLogError.badLine(path: path, line: index + 2)
      }
      func value(_ i: Int?) -> Double { i.flatMap { Double(fields[$0]) } ?? .nan }
      return EpochMetrics(
        epoch: e, trainLoss: value(trainLoss), trainMetric: value(trainMetric), validationLoss: value(validationLoss),
        validationMetric: value(validationMetric), learningRate: value(rate),
        seconds: seconds == nil ? 0 : value(seconds),
        samplesPerSecond: samples == nil ? 0 : value(samples))
    }
  }
}
