import Tensor

/// Adds the L1 penalty's gradient λ·sign(w) (sign(0) = 0) to every regularised parameter; returns λ·Σ|w|.
///
/// Only parameters with `isRegularized` (weights, not biases or batch-norm parameters) count.
@discardableResult
public func l1Penalty(_ params: [Parameter], lambda: Double) -> Double {
  var total: Double = 0
  let step = Float(lambda)
  for parameter in params where parameter.isRegularized {
    precondition(parameter.gradient.count == parameter.value.count, "\(parameter.name): gradient not sized")
    parameter.value.withUnsafeBufferPointer { w in
      parameter.gradient.withUnsafeMutableBufferPointer { g in
        for i in 0..<w.count {
          total += abs(Double(w[i]))
          g[i] += w[i] > 0 ? step : (w[i] < 0 ? -step : 0)
        }
      }
    }
  }
  return lambda * total
}

/// Adds the L2 penalty's gradient 2λ·w to every regularised parameter; returns λ·Σw² (no ½).
///
/// With λ this equals an optimizer's coupled `weightDecay = 2λ` (see the oracle README).
@discardableResult
public func l2Penalty(_ params: [Parameter], lambda: Double) -> Double {
  var total: Double = 0
  for parameter in params where parameter.isRegularized {
    total += parameter.value.sumOfSquares()
    parameter.gradient.add(parameter.value, scaledBy: Float(2 * lambda))
  }
  return lambda * total
}
