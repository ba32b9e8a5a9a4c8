import TestSupport

/// `Tests/Fixtures/oracles/cnn.json`: PyTorch 2.15 float64 references made by `generate_cnn.py`
/// (seed 11): pooling and strided-convolution cases, BatchNorm2d passes, the whole peer CNN.
struct CNNOracle: Decodable {
  /// Conv2d(3, 4, 3, stride 2, padding 1), MaxPool2d(3, 2, 1), AvgPool2d(2), AvgPool2d(3, 2, 1), AdaptiveAvgPool2d(1).
  let layers: [Case]
  /// BatchNorm2d(3): two training passes, then one in evaluation mode.
  let batchnorm2d: BatchNorm
  /// The peer CNN on 4 random images with labels [3, 0, 7, 7].
  let peerCnn: Peer

  enum CodingKeys: String, CodingKey {
    case layers, batchnorm2d
    case peerCnn = "peer_cnn"
  }

  static func load() throws -> CNNOracle { try Fixtures.oracle("cnn.json", as: CNNOracle.self) }

  /// One module's forward and backward.
  struct Case: Decodable {
    let name: String
    let params: [String: OracleTensor]
    let input: OracleTensor
    let upstreamGrad: OracleTensor
    let output: OracleTensor
    let gradInput: OracleTensor
    let gradParams: [String: OracleTensor]

    enum CodingKeys: String, CodingKey {
      case name, params, input, output
      case upstreamGrad = "upstream_grad"
      case gradInput = "grad_input"
      case gradParams = "grad_params"
    }
  }

  struct BatchNorm: Decodable {
    let initial: [String: OracleTensor]
    let passes: [Pass]
  }

  /// One pass and the running statistics after it.
  struct Pass: Decodable {
    let mode: String
    let input: OracleTensor
    let upstreamGrad: OracleTensor
    let output: OracleTensor
    let gradInput: OracleTensor
    let gradParams: [String: OracleTensor]
    let runningMeanAfter: OracleTensor
    let runningVarAfter: OracleTensor
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

  /// The whole network: parameters by PyTorch name (`0.weight`), logits, loss and gradients.
  struct Peer: Decodable {
    let input: OracleTensor
    let labels: [Int32]
    let params: [String: OracleTensor]
    let logits: OracleTensor
    let loss: Double
    let gradParams: [String: OracleTensor]

    enum CodingKeys: String, CodingKey {
      case input, labels, params, logits, loss
      case gradParams = "grad_params"
    }
  }
}
