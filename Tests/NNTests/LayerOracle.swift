import TestSupport

/// `Tests/Fixtures/oracles/layers.json`: PyTorch 2.15 float64 references (seed 1), see its README §2.
struct LayerOracle: Decodable {
  /// Linear, activations, PReLU, BatchNorm1d, Dropout.
  let layers: [Entry]
  /// Conv2d (padding 1; stride 2), MaxPool2d (with ties), Flatten.
  let extras: [Extra]

  /// Loads the file.
  static func load() throws -> LayerOracle {
    try Fixtures.oracle("layers.json", as: LayerOracle.self)
  }

  /// One module's forward and backward; fields absent for some modules are optional.
  struct Entry: Decodable {
    let name: String
    let params: [String: OracleTensor]?
    let input: OracleTensor?
    let upstreamGrad: OracleTensor?
    let output: OracleTensor?
    let gradInput: OracleTensor?
    let gradParams: [String: OracleTensor]?
    let initial: BatchNormInitial?
    let passes: [BatchNormPass]?
    let p: Double?
    let mask: OracleTensor?
    let outputTrainWithMask: OracleTensor?
    let gradInputTrainWithMask: OracleTensor?
    let outputEval: OracleTensor?

    enum CodingKeys: String, CodingKey {
      case name, params, input, output, initial, passes, p, mask
      case upstreamGrad = "upstream_grad"
      case gradInput = "grad_input"
      case gradParams = "grad_params"
      case outputTrainWithMask = "output_train_with_mask"
      case gradInputTrainWithMask = "grad_input_train_with_mask"
      case outputEval = "output_eval"
    }
  }

  /// BatchNorm1d's state before the first pass.
  struct BatchNormInitial: Decodable {
    let weight: OracleTensor
    let bias: OracleTensor
    let runningMean: OracleTensor
    let runningVar: OracleTensor
    let numBatchesTracked: Int

    enum CodingKeys: String, CodingKey {
      case weight, bias
      case runningMean = "running_mean"
      case runningVar = "running_var"
      case numBatchesTracked = "num_batches_tracked"
    }
  }

  /// One BatchNorm1d pass (train, train, eval) and the running statistics after it.
  struct BatchNormPass: Decodable {
    let mode: String
    let input: OracleTensor
    let upstreamGrad: OracleTensor
    let output: OracleTensor
    let gradInput: OracleTensor
    let gradParams: [String: OracleTensor]
    let runningMeanAfter: [Double]
    let runningVarAfter: [Double]
    let numBatchesTrackedAfter: Int

    enum CodingKeys: String, CodingKey {
      case mode, input, output
      case upstreamGrad = "upstream_grad"
      case gradInput = "grad_input"
      case gradParams = "grad_params"
      case runningMeanAfter = "running_mean_after"
      case runningVarAfter = "running_var_after"
      case numBatchesTrackedAfter = "num_batches_tracked_after"
    }
  }

  /// An extra module: forward and, except for Flatten, backward.
  struct Extra: Decodable {
    let name: String
    let params: [String: OracleTensor]?
    let input: OracleTensor
    let output: OracleTensor
    let upstreamGrad: OracleTensor?
    let gradInput: OracleTensor?
    let gradParams: [String: OracleTensor]?

    enum CodingKeys: String, CodingKey {
      case name, params, input, output
      case upstreamGrad = "upstream_grad"
      case gradInput = "grad_input"
      case gradParams = "grad_params"
    }
  }

  /// The entry named `name`.
  func entry(_ name: String) -> Entry? { layers.first { $0.name == name } }
}
