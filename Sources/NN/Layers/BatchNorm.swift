import Tensor

/// Batch normalisation per feature of `[batch, features]` (PyTorch `BatchNorm1d`) or per channel
/// of `[batch, channels, height, width]` (`BatchNorm2d`: statistics over batch and positions).
///
/// ```
/// training:   μ, σ² = mean and BIASED variance over the N values of a feature (N = batch·h·w)
///             x̂ = (x − μ)/√(σ² + ε);  y = γ·x̂ + β
///             running_mean ← (1 − m)·running_mean + m·μ
///             running_var  ← (1 − m)·running_var  + m·σ²·N/(N − 1)        (UNBIASED)
///             dx = γ/√(σ² + ε) · (g − mean(g) − x̂·mean(g·x̂))
/// evaluation: x̂ = (x − running_mean)/√(running_var + ε);  dx = g·γ/√(running_var + ε)
/// both:       dγ = Σ_batch g·x̂,  dβ = Σ_batch g
/// ```
/// PyTorch's momentum m weights the new batch. A batch of one value per feature in training mode
/// has no variance (PyTorch raises an error): this layer then normalises it with the running
/// statistics, as in evaluation, and leaves them unchanged.
public final class BatchNorm: Layer {
  /// The number of features (channels) normalised.
  public let features: Int
  /// Positions per feature in one sample: `height·width` for `BatchNorm2d`, 1 for `BatchNorm1d`.
  public let spatialSize: Int
  /// The images' channel block (0: plain NCHW; 8 or 16: oneDNN's nChw8c/nChw16c).
  public let block: Int
  /// The weight of the new batch in the running statistics.
  public let momentum: Double
  /// Added to the variance inside the square root.
  public let epsilon: Double
  /// The scale γ `[features]`, named `weight`, starting at 1; not regularised.
  public let weight: Parameter
  /// The shift β `[features]`, named `bias`, starting at 0; not regularised.
  public let bias: Parameter
  /// The running mean `[features]` (buffer `running_mean`), starting at 0.
  public let runningMean: Parameter
  /// The running unbiased variance `[features]` (buffer `running_var`), starting at 1.
  public let runningVariance: Parameter
  /// The number of training batches seen, `[1]` (buffer `num_batches_tracked`, as PyTorch).
  public let batchesTracked: Parameter

  /// x̂ of the last forward.
  private var normalized = Tensor(shape: [0])
  /// The mean used by the last forward (batch or running), per feature.
  private var mean: [Double]
  /// The biased batch variance of the last training forward, per feature.
  private var variance: [Double]
  /// 1/√(σ² + ε) used by the last forward, per feature.
  private var inverseStd: [Double]
  /// Σ_batch g and Σ_batch g·x̂ of the last backward, per feature.
  private var gradientSums: [Double], projectedGradientSums: [Double]
  /// γ·invStd per feature, for the input gradient.
  private var featureScale: [Double]
  /// Whether the last forward normalised with batch statistics (training, batch > 1).
  private var usedBatchStatistics = false

  /// Creates the layer for `features` features (channels) of `spatialSize` positions each.
  public init(features: Int, spatialSize: Int = 1, block: Int = 0, momentum: Double = 0.1, epsilon: Double = 1e-5) {
    precondition(features > 0 && spatialSize > 0, "BatchNorm needs at least one feature")
    precondition(block == 0 || features % block == 0, "BatchNorm: \(features) channels in blocks of \(block)")
    self.spatialSize = spatialSize
    self.block = block
    precondition(momentum >= 0 && momentum <= 1 && epsilon > 0, "BatchNorm: bad momentum/epsilon")
    self.features = features
    self.momentum = momentum
    self.epsilon = epsilon
    weight = Parameter(name: "weight", value: Tensor(shape: [features], repeating: 1))
    bias = Parameter(name: "bias", value: Tensor(shape: [features]))
    runningMean = Parameter(name: "running_mean", value: Tensor(shape: [features]))
    runningVariance = Parameter(name: "running_var", value: Tensor(shape: [features], repeating: 1))
    batchesTracked = Parameter(name: "num_batches_tracked", value: Tensor(shape: [1]))
    mean = [Double](repeating: 0, count: features)
    variance = mean
    inverseStd = mean
    gradientSums = mean
    projectedGradientSums = mean
    featureScale = mean
  }

  /// The storage indices of feature `j` of sample `i`: contiguous in a plain layout, every
  /// `block`-th element in a blocked one.
  @inline(__always) private func positions(_ i: Int, _ j: Int) -> StrideTo<Int> {
    guard block > 0 else {
      let base = (i * features + j) * spatialSize
      return stride(from: base, to: base + spatialSize, by: 1)
    }
    let base = (i * (features / block) + j / block) * spatialSize * block + j % block
    return stride(from: base, to: base + spatialSize * block, by: block)
  }

  /// Calls `body(j, k)` for every element of an `n`-sample batch, sample by sample then feature by
  /// feature: `k` is its flat index in this layer's layout, `j` its feature (channel).
  @inline(__always) private func forEachElement(rows n: Int, _ body: (_ j: Int, _ k: Int) -> Void) {
    for i in 0..<n {
      for j in 0..<features {
        for k in positions(i, j) { body(j, k) }
      }
    }
  }

  /// The number of training batches that updated the running statistics.
  public var numBatchesTracked: Int { Int(batchesTracked.value.storage[0]) }

  /// `batchnorm <features>`, or `batchnorm2d <channels>` over images.
  public var summary: String { spatialSize == 1 ? "batchnorm \(features)" : "batchnorm2d \(features)" }

  /// γ, then β.
  public var parameters: [Parameter] { [weight, bias] }

  /// The running mean, running variance and batch count.
  public var buffers: [Parameter] { [runningMean, runningVariance, batchesTracked] }

  /// Normalises with batch statistics in training (updating the running ones), running statistics otherwise.
  public func forward(
    _ input: Tensor, into output: inout Tensor, mode: LayerMode, rng: inout SeededGenerator
  ) {
    precondition(
      input.columns == features * spatialSize, "BatchNorm expects \(features)×\(spatialSize) values, got \(input.shape)"
    )
    usedBatchStatistics = mode == .training && input.rows * spatialSize > 1
    if usedBatchStatistics {
      computeBatchStatistics(input)
      updateRunningStatistics(count: input.rows * spatialSize)
    } else {
      loadRunningStatistics()
    }
    normalize(input, into: &output)
  }

  /// Writes dγ, dβ and, if asked, dx (through the batch statistics when they were used).
  public func backward(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    gradInput: inout Tensor, computeInputGradient: Bool
  ) {
    precondition(gradOutput.count == normalized.count, "BatchNorm: gradient \(gradOutput.shape)")
    accumulateGradientSums(gradOutput)
    writeParameterGradients()
    if computeInputGradient { writeInputGradient(gradOutput, into: &gradInput) }
  }
}

// MARK: - Forward steps

extension BatchNorm {
  private func computeBatchStatistics(_ input: Tensor) {
    let n = input.rows
    let f = features
    let area = spatialSize
    input.withUnsafeBufferPointer { x in
      mean.withUnsafeMutableBufferPointer { mu in
        variance.withUnsafeMutableBufferPointer { v in
          for j in 0..<f {
            mu[j] = 0
            v[j] = 0
          }
          forEachElement(rows: n) { j, k in mu[j] += Double(x[k]) }
          for j in 0..<f { mu[j] /= Double(n * area) }
          forEachElement(rows: n) { j, k in
            let d = Double(x[k]) - mu[j]
            v[j] += d * d
          }
          for j in 0..<f { v[j] /= Double(n * area) }
        }
      }
    }
    for j in 0..<f { inverseStd[j] = 1 / (variance[j] + epsilon).squareRoot() }
  }

  private func updateRunningStatistics(count n: Int) {
    let m = momentum
    let correction = Double(n) / Double(n - 1)
    runningMean.value.withUnsafeMutableBufferPointer { rm in
      runningVariance.value.withUnsafeMutableBufferPointer { rv in
        for j in 0..<features {
          rm[j] = Float((1 - m) * Double(rm[j]) + m * mean[j])
          rv[j] = Float((1 - m) * Double(rv[j]) + m * variance[j] * correction)
        }
      }
    }
    batchesTracked.value.storage[0] += 1
  }

  private func loadRunningStatistics() {
    runningMean.value.withUnsafeBufferPointer { rm in
      runningVariance.value.withUnsafeBufferPointer { rv in
        for j in 0..<features {
          mean[j] = Double(rm[j])
          inverseStd[j] = 1 / (Double(rv[j]) + epsilon).squareRoot()
        }
      }
    }
  }

  /// x̂ = (x − μ)·invStd into `normalized`; y = γ·x̂ + β into `output`.
  private func normalize(_ input: Tensor, into output: inout Tensor) {
    let n = input.rows
    let f = features
    let shape = spatialSize == 1 ? [n, f] : input.shape
    if normalized.shape != shape { normalized.resize(to: shape) }
    if output.shape != shape { output.resize(to: shape) }
    input.withUnsafeBufferPointer { x in
      normalized.withUnsafeMutableBufferPointer { xhat in
        output.withUnsafeMutableBufferPointer { y in
          weight.value.withUnsafeBufferPointer { gamma in
            bias.value.withUnsafeBufferPointer { beta in
              mean.withUnsafeBufferPointer { mu in
                inverseStd.withUnsafeBufferPointer { s in
                  forEachElement(rows: n) { j, k in
                    let value = Float((Double(x[k]) - mu[j]) * s[j])
                    xhat[k] = value
                    y[k] = gamma[j] * value + beta[j]
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

// MARK: - Backward steps

extension BatchNorm {
  /// Σ_batch g and Σ_batch g·x̂ per feature, in Double.
  private func accumulateGradientSums(_ gradOutput: Tensor) {
    let n = normalized.rows
    let f = features
    gradOutput.withUnsafeBufferPointer { g in
      normalized.withUnsafeBufferPointer { xhat in
        gradientSums.withUnsafeMutableBufferPointer { sg in
          projectedGradientSums.withUnsafeMutableBufferPointer { sgx in
            for j in 0..<f {
              sg[j] = 0
              sgx[j] = 0
            }
            forEachElement(rows: n) { j, k in
              sg[j] += Double(g[k])
              sgx[j] += Double(g[k]) * Double(xhat[k])
            }
          }
        }
      }
    }
  }

  private func writeParameterGradients() {
    if weight.gradient.shape != [features] { weight.gradient.resize(to: [features]) }
    if bias.gradient.shape != [features] { bias.gradient.resize(to: [features]) }
    weight.gradient.withUnsafeMutableBufferPointer { dGamma in
      bias.gradient.withUnsafeMutableBufferPointer { dBeta in
        for j in 0..<features {
          dGamma[j] = Float(projectedGradientSums[j])
          dBeta[j] = Float(gradientSums[j])
        }
      }
    }
  }

  /// dx = γ·invStd·(g − mean(g) − x̂·mean(g·x̂)) with batch statistics, g·γ·invStd otherwise.
  private func writeInputGradient(_ gradOutput: Tensor, into gradInput: inout Tensor) {
    let n = normalized.rows
    let f = features
    let area = spatialSize
    let center: Double = usedBatchStatistics ? 1 / Double(n * area) : 0
    // Per-feature coefficients, in place of the sums (the parameter gradients are written).
    for j in 0..<f {
      featureScale[j] = Double(weight.value.storage[j]) * inverseStd[j]
      gradientSums[j] *= center
      projectedGradientSums[j] *= center
    }
    if gradInput.shape != normalized.shape { gradInput.resize(to: normalized.shape) }
    gradOutput.withUnsafeBufferPointer { g in
      normalized.withUnsafeBufferPointer { xhat in
        gradInput.withUnsafeMutableBufferPointer { dx in
          featureScale.withUnsafeBufferPointer { scale in
            gradientSums.withUnsafeBufferPointer { meanG in
              projectedGradientSums.withUnsafeBufferPointer { meanGX in
                forEachElement(rows: n) { j, k in
                  dx[k] = Float(scale[j] * (Double(g[k]) - meanG[j] - Double(xhat[k]) * meanGX[j]))
                }
              }
            }
          }
        }
      }
    }
  }
}
