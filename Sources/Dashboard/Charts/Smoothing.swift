/// TensorBoard's debiased exponential moving average, as its scalar charts draw it.
///
/// ```
/// last = 0; n = 0
/// for v in values:
///   if series is constant or v is not finite: smoothed = v   (state untouched)
///   else: last = last·w + (1 − w)·v; n += 1; smoothed = last / (1 − wⁿ)   (w = 1: no debias)
/// ```
/// See Tests/Fixtures/oracles/README.md section 7.
public enum Smoothing {
  /// The debiased EMA of `values` with smoothing `weight` in 0…1 (0 leaves them unchanged).
  public static func ema(_ values: [Double], weight: Double) -> [Double] {
    guard let first = values.first else { return [] }
    // Plain ==, so any NaN makes the series non-constant (as TensorBoard).
    let isConstant = values.allSatisfy { $0 == first }
    var last = 0.0
    // w^n for the n finite points so far, kept as a running product (no pow per point).
    var weightPower = 1.0
    var smoothed: [Double] = []
    smoothed.reserveCapacity(values.count)
    for value in values {
      if isConstant || !value.isFinite {
        smoothed.append(value)
        continue
      }
      last = last * weight + (1 - weight) * value
      weightPower *= weight
      let debias = weight == 1 ? 1 : 1 - weightPower
      smoothed.append(last / debias)
    }
    return smoothed
  }
}
