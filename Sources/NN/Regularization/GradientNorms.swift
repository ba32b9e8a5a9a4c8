import Tensor

/// The L2 norm of all the parameters' gradients taken together, accumulated in Double.
public func globalGradientNorm(_ params: [Parameter]) -> Double {
  params.reduce(0) { $0 + $1.gradient.sumOfSquares() }.squareRoot()
}

/// Rescales all gradients together so their global norm is at most `maxNorm`; returns the norm before clipping.
///
/// PyTorch `clip_grad_norm_`: when the norm exceeds `maxNorm`, every gradient is
/// multiplied by `maxNorm/(norm + 1e-6)`; otherwise nothing changes.
@discardableResult
public func clipGradients(_ params: [Parameter], maxNorm: Double) -> Double {
  precondition(maxNorm > 0, "clipGradients: maxNorm must be positive, got \(maxNorm)")
  let norm = globalGradientNorm(params)
  if norm > maxNorm {
    let factor = Float(maxNorm / (norm + 1e-6))
    for parameter in params { parameter.gradient.scale(by: factor) }
  }
  return norm
}

/// Clamps every gradient element to [−maxValue, maxValue] (PyTorch `clip_grad_value_`); returns the norm before
/// clipping.
@discardableResult
public func clipGradients(_ params: [Parameter], maxValue: Double) -> Double {
  precondition(maxValue > 0, "clipGradients: maxValue must be positive, got \(maxValue)")
  let norm = globalGradientNorm(params)
  let bound = Float(maxValue)
  for parameter in params {
    parameter.gradient.apply { Swift.min(Swift.max($0, -bound), bound) }
  }
  return norm
}
