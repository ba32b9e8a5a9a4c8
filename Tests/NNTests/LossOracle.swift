import NN
import Tensor
import TestSupport

/// `Tests/Fixtures/oracles/losses.json`: PyTorch 2.15 float64 references (seed 2), see its README §3.
struct LossOracle: Decodable {
  /// The loss cases, all `[4, 3]` with mean reduction.
  let losses: [Entry]
  /// The L1 and L2 penalties.
  let penalties: [Penalty]

  /// Loads the file.
  static func load() throws -> LossOracle {
    try Fixtures.oracle("losses.json", as: LossOracle.self)
  }

  /// One loss evaluation.
  struct Entry: Decodable {
    let name: String
    let input: OracleTensor
    let target: Target
    let loss: Double
    let gradInput: OracleTensor
    let perSampleLoss: [Double]?

    enum CodingKeys: String, CodingKey {
      case name, input, target, loss
      case gradInput = "grad_input"
      case perSampleLoss = "per_sample_loss"
    }
  }

  /// A target: class ids (plain ints) or a tensor.
  enum Target: Decodable {
    case classes([Int32])
    case values(OracleTensor)

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let ids = try? container.decode([Int32].self) {
        self = .classes(ids)
      } else {
        self = .values(try container.decode(OracleTensor.self))
      }
    }

    /// As the library's target type.
    var lossTarget: LossTarget {
      switch self {
      case .classes(let ids): .classes(ids)
      case .values(let tensor): .values(tensor.tensor)
      }
    }
  }

  /// A penalty on a weight vector.
  struct Penalty: Decodable {
    let name: String
    let lambda: Double
    let weights: [Double]
    let value: Double
    let grad: [Double]
  }
}
