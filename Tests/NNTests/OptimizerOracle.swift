import Foundation
import Tensor
import TestSupport

@testable import NN

// Decoding of optimizers.json (PyTorch 2.15, float64; see Tests/Fixtures/oracles/README.md §1)
// and its mapping onto traintop's OptimizerKind + OptimizerSettings.

/// The whole file.
struct OptimizerOracleFile: Decodable {
  let cases: [OptimizerOracleCase]
}

/// One case: an optimizer, its hyper-parameters, an optional live edit, five steps.
struct OptimizerOracleCase: Decodable {
  let name: String
  let optimizer: String
  let hyperparameters: OracleHyperparameters
  let change: String?
  let initialParams: [Double]
  let grads: [[Double]]
  let lrPerStep: [Double]
  let steps: [OracleStep]

  enum CodingKeys: String, CodingKey {
    case name, optimizer, hyperparameters, change, grads, steps
    case initialParams = "initial_params"
    case lrPerStep = "lr_per_step"
  }
}

/// One PyTorch param_group (every field the file uses; absent ones are nil).
struct OracleSettings: Decodable {
  let lr: Double
  let momentum: Double?
  let dampening: Double?
  let nesterov: Bool?
  let weightDecay: Double?
  let eps: Double?
  let alpha: Double?
  let centered: Bool?
  let betas: [Double]?
  let amsgrad: Bool?
  let decoupledWeightDecay: Bool?
  let lrDecay: Double?
  let initialAccumulatorValue: Double?
  let maximize: Bool?

  enum CodingKeys: String, CodingKey {
    case lr, momentum, dampening, nesterov, eps, alpha, centered, betas, amsgrad, maximize
    case weightDecay = "weight_decay"
    case decoupledWeightDecay = "decoupled_weight_decay"
    case lrDecay = "lr_decay"
    case initialAccumulatorValue = "initial_accumulator_value"
  }
}

/// A case's hyper-parameters: one group, or one group per phase (the Adam → AdamW switch).
enum OracleHyperparameters: Decodable {
  case single(OracleSettings)
  case phases([String: OracleSettings])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let phases = try? container.decode([String: OracleSettings].self) {
      self = .phases(phases)
    } else {
      self = .single(try container.decode(OracleSettings.self))
    }
  }

  /// The group used by the optimizer class `optimizer` (a phase is named `<class lowercased> (steps …)`).
  func settings(for optimizer: String) -> OracleSettings? {
    switch self {
    case .single(let settings): return settings
    case .phases(let phases):
      return phases.first { $0.key.hasPrefix(optimizer.lowercased() + " ") }?.value
    }
  }
}

/// The parameters and optimizer state after one step.
struct OracleStep: Decodable {
  let step: Int
  let params: [Double]
  let state: [String: OracleStateValue]
  /// Which optimizer class made the step (switch cases only).
  let optimizer: String?
}

/// A state entry: PyTorch's `step` (a number) or a tensor (a plain array).
enum OracleStateValue: Decodable {
  case number(Double)
  case tensor([Double])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else {
      self = .tensor(try container.decode([Double].self))
    }
  }
}

/// Why a case could not be mapped onto traintop's optimizers.
struct OracleMappingError: Error, CustomStringConvertible {
  let description: String
}

/// The traintop kind and settings equivalent to PyTorch's `optimizer` class with `group`.
func optimizerConfiguration(
  _ optimizer: String, _ group: OracleSettings
) throws -> (kind: OptimizerKind, settings: OptimizerSettings) {
  guard group.maximize != true, (group.dampening ?? 0) == 0 else {
    throw OracleMappingError(description: "\(optimizer): maximize/dampening are not supported")
  }
  var settings = OptimizerSettings()
  settings.learningRate = group.lr
  settings.weightDecay = group.weightDecay ?? 0
  switch optimizer {
  case "SGD":
    settings.momentum = group.momentum ?? 0
    let kind: OptimizerKind =
      group.nesterov == true ? .nesterov : (settings.momentum != 0 ? .momentum : .sgd)
    return (kind, settings)
  case "Adagrad":
    guard group.eps == AdagradRule.epsilon, (group.lrDecay ?? 0) == 0,
      (group.initialAccumulatorValue ?? 0) == 0
    else { throw OracleMappingError(description: "Adagrad: only eps 1e-10, lr_decay 0, acc 0") }
    return (.adagrad, settings)
  case "RMSprop":
    settings.alpha = group.alpha ?? 0.99
    settings.epsilon = group.eps ?? 1e-8
    settings.momentum = group.momentum ?? 0
    settings.centered = group.centered ?? false
    return (.rmsprop, settings)
  case "Adam", "AdamW":
    let decoupled = group.decoupledWeightDecay ?? (optimizer == "AdamW")
    guard decoupled == (optimizer == "AdamW"), let betas = group.betas, betas.count == 2 else {
      throw OracleMappingError(description: "\(optimizer): unexpected betas/decoupling")
    }
    settings.beta1 = betas[0]
    settings.beta2 = betas[1]
    settings.epsilon = group.eps ?? 1e-8
    settings.amsgrad = group.amsgrad ?? false
    return (decoupled ? .adamw : .adam, settings)
  default:
    throw OracleMappingError(description: "unknown optimizer class \(optimizer)")
  }
}

/// A live edit `param_groups[0][key] (= | *=) value`, applied before step `beforeStep`.
struct OracleSettingChange {
  let beforeStep: Int
  let key: String
  let multiplies: Bool
  let values: [Double]

  /// Parses README §1's change strings, e.g. `after step 2: param_groups[0]['betas'] = (0.8, 0.999)`.
  init?(_ text: String) {
    let pattern = /after step (\d+).*param_groups\[0\]\['(\w+)'\] (\*=|=) \(?([-0-9.e, ]+)\)?/
    guard let match = text.firstMatch(of: pattern), let step = Int(match.1) else { return nil }
    let values = match.4.split(separator: ",").compactMap {
      Double($0.trimmingCharacters(in: .whitespaces))
    }
    guard !values.isEmpty else { return nil }
    beforeStep = step + 1
    key = String(match.2)
    multiplies = match.3 == "*="
    self.values = values
  }

  /// Applies the edit to `settings` of an optimizer of `kind`.
  func apply(to settings: inout OptimizerSettings, kind: OptimizerKind) throws {
    func updated(_ old: Double, _ value: Double) -> Double { multiplies ? old * value : value }
    switch (key, values.count) {
    case ("lr", 1): settings.learningRate = updated(settings.learningRate, values[0])
    case ("momentum", 1): settings.momentum = updated(settings.momentum, values[0])
    case ("weight_decay", 1): settings.weightDecay = updated(settings.weightDecay, values[0])
    case ("betas", 2) where !multiplies:
      settings.beta1 = values[0]
      settings.beta2 = values[1]
    default:
      throw OracleMappingError(description: "unsupported change of '\(key)' to \(values)")
    }
  }
}

/// `abs(a − b) ≤ tolerance·max(1, |b|)`: the Float32-vs-float64 bound of HELPERS.md.
func isClose(_ a: Float, _ b: Double, tolerance: Double = 1e-5) -> Bool {
  abs(Double(a) - b) <= tolerance * max(1, abs(b))
}

/// A Float32 tensor holding `values`.
func tensor(_ values: [Double]) -> Tensor {
  Tensor(values.map { Float($0) })
}
