import CKernels
import Tensor
import Testing

// The C kernels against scalar Swift loops of the same formulas, bit for bit, on both variants.
// 67 elements: eight passes of the eight-lane loop and a tail of three, so both parts are checked.
// (The optimizer oracles of NNTests use small tensors that reach only the tail; these cover the rest.)

/// Deterministic values in [lower, lower + width).
private func values(_ n: Int, seed: UInt64, lower: Float = -1, width: Float = 2) -> [Float] {
  var g = SeededGenerator(seed: seed)
  return (0..<n).map { _ in lower + g.nextUniform() * width }
}

/// Runs `body` with the AVX variants on or off, then restores the setting.
private func withAVX<R>(_ enabled: Bool, _ body: () -> R) -> R {
  let previous = tt_kernels_set_avx(enabled ? 1 : 0)
  defer { tt_kernels_set_avx(previous) }
  return body()
}

/// The bit patterns of `values` (so -0, NaN and the last ulp all count).
private func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

@Suite struct CKernelsTests {
  static let n = 67

  @Test(arguments: [false, true], [false, true])
  func adamMatchesScalarFormula(avx: Bool, amsgrad: Bool) {
    var c = tt_adam_coefficients(
      decay: 0.999, l2: 0.01, beta1: 0.9, oneMinusBeta1: 0.1, beta2: 0.999, oneMinusBeta2: 0.001,
      stepSize: 3e-3, inverseCorrection2Root: 1.7, epsilon: 1e-8)
    // Second moments as small as (1 − β2)·g², so the order of every operation shows in the bits.
    var (p, m, v, vmax) = (
      values(Self.n, seed: 1), values(Self.n, seed: 2),
      values(Self.n, seed: 3, lower: 0, width: 1e-3), values(Self.n, seed: 4, lower: 0, width: 1e-3)
    )
    let g = values(Self.n, seed: 5)
    var (ep, em, ev, evmax) = (p, m, v, vmax)
    for i in 0..<Self.n {
      let decayed = ep[i] * c.decay
      let gi = g[i] + c.l2 * decayed
      em[i] = c.beta1 * em[i] + c.oneMinusBeta1 * gi
      ev[i] = c.beta2 * ev[i] + c.oneMinusBeta2 * gi * gi
      var second = ev[i]
      if amsgrad {
        evmax[i] = Float.maximum(evmax[i], ev[i])
        second = evmax[i]
      }
      ep[i] = decayed - c.stepSize * em[i] / (second.squareRoot() * c.inverseCorrection2Root + c.epsilon)
    }
    withAVX(avx) {
      vmax.withUnsafeMutableBufferPointer { x in
        tt_adam_update(Self.n, &p, g, &m, &v, amsgrad ? x.baseAddress : nil, &c)
      }
    }
    #expect(bits(p) == bits(ep))
    #expect(bits(m) == bits(em))
    #expect(bits(v) == bits(ev))
    #expect(bits(vmax) == bits(evmax))
  }

  @Test(arguments: [false, true], [0, 1, 2, 3])
  func sgdMatchesScalarFormula(avx: Bool, variant: Int) {
    // 0: plain; 1: momentum, first step; 2: momentum; 3: Nesterov.
    var c = tt_sgd_coefficients(learningRate: 0.1, momentum: 0.9, weightDecay: 0.01)
    var (p, b) = (values(Self.n, seed: 6), values(Self.n, seed: 7))
    let g = values(Self.n, seed: 8)
    let (usesBuffer, first, nesterov) = (variant > 0, variant == 1, variant == 3)
    var (ep, eb) = (p, b)
    for i in 0..<Self.n {
      var d = g[i] + c.weightDecay * ep[i]
      if usesBuffer {
        eb[i] = first ? d : c.momentum * eb[i] + d
        d = nesterov ? d + c.momentum * eb[i] : eb[i]
      }
      ep[i] = ep[i] - c.learningRate * d
    }
    withAVX(avx) {
      b.withUnsafeMutableBufferPointer { x in
        tt_sgd_update(Self.n, &p, g, usesBuffer ? x.baseAddress : nil, first ? 1 : 0, nesterov ? 1 : 0, &c)
      }
    }
    #expect(bits(p) == bits(ep))
    #expect(bits(b) == bits(eb))
  }

  @Test(arguments: [false, true])
  func adagradMatchesScalarFormula(avx: Bool) {
    var (p, s) = (values(Self.n, seed: 9), values(Self.n, seed: 10, lower: 0, width: 1))
    let g = values(Self.n, seed: 11)
    let (lr, wd, eps): (Float, Float, Float) = (0.01, 0.001, 1e-10)
    var (ep, es) = (p, s)
    for i in 0..<Self.n {
      let d = g[i] + wd * ep[i]
      es[i] = es[i] + d * d
      ep[i] = ep[i] - lr * d / (es[i].squareRoot() + eps)
    }
    withAVX(avx) { tt_adagrad_update(Self.n, &p, g, &s, lr, wd, eps) }
    #expect(bits(p) == bits(ep))
    #expect(bits(s) == bits(es))
  }

  /// `options`: (centred, momentum).
  @Test(arguments: [false, true], [(false, false), (true, false), (false, true), (true, true)])
  func rmspropMatchesScalarFormula(avx: Bool, options: (Bool, Bool)) {
    let (centered, momentum) = options
    var c = tt_rmsprop_coefficients(
      learningRate: 0.01, alpha: 0.99, oneMinusAlpha: 0.01, epsilon: 1e-8, weightDecay: 0.001, momentum: 0.9)
    // Mean gradients near ±1 make v − a² negative in some lanes, so the clamp at 0 is exercised.
    var (p, v, a, b) = (
      values(Self.n, seed: 12), values(Self.n, seed: 13, lower: 0, width: 0.5),
      values(Self.n, seed: 14), values(Self.n, seed: 15)
    )
    let g = values(Self.n, seed: 16)
    var (ep, ev, ea, eb) = (p, v, a, b)
    for i in 0..<Self.n {
      let gi = g[i] + c.weightDecay * ep[i]
      ev[i] = c.alpha * ev[i] + c.oneMinusAlpha * gi * gi
      var meanSquare = ev[i]
      if centered {
        ea[i] = c.alpha * ea[i] + c.oneMinusAlpha * gi
        let centred = ev[i] - ea[i] * ea[i]
        meanSquare = centred >= 0 ? centred : 0
      }
      let ratio = gi / (meanSquare.squareRoot() + c.epsilon)
      if momentum {
        eb[i] = c.momentum * eb[i] + ratio
        ep[i] = ep[i] - c.learningRate * eb[i]
      } else {
        ep[i] = ep[i] - c.learningRate * ratio
      }
    }
    withAVX(avx) {
      a.withUnsafeMutableBufferPointer { ap in
        b.withUnsafeMutableBufferPointer { bp in
          tt_rmsprop_update(
            Self.n, &p, g, &v, centered ? ap.baseAddress : nil, momentum ? bp.baseAddress : nil, &c)
        }
      }
    }
    #expect(bits(p) == bits(ep))
    #expect(bits(v) == bits(ev))
    #expect(bits(a) == bits(ea))
    #expect(bits(b) == bits(eb))
  }

  @Test(arguments: [false, true])
  func rowKernelsMatchScalarLoops(avx: Bool) {
    let (rows, cols) = (5, 21)  // two eight-lane passes and a tail of five per row
    let x = values(rows * cols, seed: 17)
    let vector = values(cols, seed: 18)
    var sums = [Float](repeating: .nan, count: cols)
    var filled = [Float](repeating: .nan, count: rows * cols)
    withAVX(avx) {
      tt_sum_rows(rows, cols, x, &sums)
      tt_fill_rows(rows, cols, vector, &filled)
    }
    var expectedSums = [Float](repeating: 0, count: cols)
    for i in 0..<rows { for j in 0..<cols { expectedSums[j] += x[i * cols + j] } }
    #expect(bits(sums) == bits(expectedSums))
    #expect(bits(filled) == bits((0..<(rows * cols)).map { vector[$0 % cols] }))
  }

  @Test func avxSwitchReportsThePreviousSetting() {
    let original = tt_kernels_use_avx()
    let previous = tt_kernels_set_avx(0)
    #expect(previous == original)
    #expect(tt_kernels_use_avx() == 0)
    tt_kernels_set_avx(original)
    #expect(tt_kernels_use_avx() == original)
  }
}
