import Tensor

/// Weight initialisation schemes (biases always start at 0).
///
/// ```
/// xavier_uniform  U(−a, a),  a = √(6/(fan_in + fan_out))     Glorot & Bengio 2010
/// xavier_normal   N(0, σ²),  σ = √(2/(fan_in + fan_out))
/// he_uniform      U(−a, a),  a = √(6/fan_in)                  He et al. 2015
/// he_normal       N(0, σ²),  σ = √(2/fan_in)                  (untruncated, as PyTorch)
/// ```
/// See Also: https://arxiv.org/abs/1502.01852
public enum Initializer: String, CaseIterable, Codable, Sendable {
  /// Glorot/Xavier uniform.
  case xavierUniform = "xavier_uniform"
  /// Glorot/Xavier normal.
  case xavierNormal = "xavier_normal"
  /// He/Kaiming uniform (fan-in mode, ReLU gain √2).
  case heUniform = "he_uniform"
  /// He/Kaiming normal (fan-in mode, ReLU gain √2).
  case heNormal = "he_normal"

  /// He for the ReLU family, Xavier for the saturating activations (sigmoid, tanh).
  public static func defaultFor(_ activation: ActivationKind) -> Initializer {
    switch activation {
    case .relu, .leakyRelu, .prelu, .elu: .heUniform
    case .sigmoid, .tanh: .xavierUniform
    }
  }

  /// The standard deviation of the distribution for these fans.
  public func standardDeviation(fanIn: Int, fanOut: Int) -> Double {
    switch self {
    case .xavierUniform, .xavierNormal: (2 / Double(fanIn + fanOut)).squareRoot()
    case .heUniform, .heNormal: (2 / Double(fanIn)).squareRoot()
    }
  }

  /// Overwrites every element of `weight` with a draw from this distribution.
  public func fill(_ weight: inout Tensor, fanIn: Int, fanOut: Int, rng: inout SeededGenerator) {
    precondition(fanIn > 0 && fanOut > 0, "initializer: fans must be positive, got \(fanIn), \(fanOut)")
    let std = standardDeviation(fanIn: fanIn, fanOut: fanOut)
    switch self {
    case .xavierUniform, .heUniform:
      let bound = Float(std * 3.0.squareRoot())  // U(−a, a) has σ = a/√3
      weight.withUnsafeMutableBufferPointer { w in
        for i in 0..<w.count { w[i] = (rng.nextUniform() * 2 - 1) * bound }
      }
    case .xavierNormal, .heNormal:
      let sigma = Float(std)
      weight.withUnsafeMutableBufferPointer { w in
        for i in 0..<w.count { w[i] = rng.nextNormal() * sigma }
      }
    }
  }
}
