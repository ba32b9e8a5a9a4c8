import Testing

@testable import Tensor

/// Deterministic values in [-1, 1).
private func randomValues(_ n: Int, seed: UInt64) -> [Float] {
  var g = SeededGenerator(seed: seed)
  return (0..<n).map { _ in g.nextUniform() * 2 - 1 }
}

/// The compute engine's products against a float64 reference (`naiveGemm` accumulates in Double).
///
/// The bound is relative to Σ|aᵢₖ·bₖⱼ| (the usual GEMM error bound), so cancellation in the
/// result cannot make a correct product look wrong: float32 products are good to about 1e-6.
@Suite(.serialized) struct ComputeEngineTests {
  static func check(
    _ m: Int, _ n: Int, _ k: Int, transposes: (Bool, Bool), alpha: Float, beta: Float, threads: Int = 1
  ) -> Float {
    let (ta, tb) = transposes
    let aShape = ta ? [k, m] : [m, k]
    let bShape = tb ? [n, k] : [k, n]
    let a = Tensor(shape: aShape, storage: randomValues(m * k, seed: 11))
    let b = Tensor(shape: bShape, storage: randomValues(k * n, seed: 12))
    var c = Tensor(shape: [m, n], storage: randomValues(m * n, seed: 13))
    var expected = c.storage
    naiveGemm(ta, tb, m, n, k, alpha, a.storage, aShape[1], b.storage, bShape[1], beta, &expected)
    // Σ|a·b| per element, for the error bound.
    var magnitude = [Float](repeating: 0, count: m * n)
    let absA = a.storage.map(abs)
    let absB = b.storage.map(abs)
    naiveGemm(ta, tb, m, n, k, abs(alpha), absA, aShape[1], absB, bShape[1], 0, &magnitude)
    ComputeEngine.setThreads(threads)
    defer { ComputeEngine.setThreads(1) }
    Tensor.gemm(a, transposeA: ta, b, transposeB: tb, into: &c, alpha: alpha, beta: beta)
    var worst: Float = 0
    for i in 0..<(m * n) {
      let scale = magnitude[i] + abs(beta) + Float.leastNormalMagnitude
      worst = max(worst, abs(c.storage[i] - expected[i]) / scale)
    }
    return worst
  }

  @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
  func awkwardShapesEveryTranspose(transposes: (Bool, Bool)) {
    // 1×1×1, odd sizes, k = 0 (C = βC), β = 1 accumulation, α ≠ 1.
    let cases: [(Int, Int, Int, Float, Float)] = [
      (1, 1, 1, 1, 0), (7, 13, 3, 1, 0), (7, 13, 3, 1, 1), (5, 4, 0, 1, 1), (5, 4, 0, 1, 0),
      (33, 65, 129, 2, 0.5), (1, 300, 17, 1, 1),
    ]
    for (m, n, k, alpha, beta) in cases {
      let error = Self.check(m, n, k, transposes: transposes, alpha: alpha, beta: beta)
      #expect(error < 2e-6, "\(m)×\(n)×\(k) α \(alpha) β \(beta): \(error)")
    }
  }

  /// The MLP 784-256-128-10 step's products at batch 128: forward X·Wᵀ (onto the bias, β = 1),
  /// weight gradients dYᵀ·X, input gradients dY·W.
  @Test func theTrainingStepsShapes() {
    let layers = [(784, 256), (256, 128), (128, 10)]
    for (inputs, outputs) in layers {
      #expect(Self.check(128, outputs, inputs, transposes: (false, true), alpha: 1, beta: 1) < 2e-6)
      #expect(Self.check(outputs, inputs, 128, transposes: (true, false), alpha: 1, beta: 0) < 2e-6)
      #expect(Self.check(128, inputs, outputs, transposes: (false, false), alpha: 1, beta: 0) < 2e-6)
    }
  }

  /// Two threads split the sums differently, so results may differ by float rounding only: within
  /// 1e-6 of Σ|a·b| (the measured worst was 1.5e-7 normwise at batch 128).
  @Test func threadCountChangesOnlyRounding() {
    ComputeEngine.setThreads(2)
    #expect(ComputeEngine.threads == (ComputeEngine.name.hasPrefix("oneDNN") ? 2 : 1))
    ComputeEngine.setThreads(1)
    for (m, n, k) in [(128, 256, 784), (512, 128, 256), (256, 784, 128)] {
      let one = Self.check(m, n, k, transposes: (false, true), alpha: 1, beta: 0, threads: 1)
      let two = Self.check(m, n, k, transposes: (false, true), alpha: 1, beta: 0, threads: 2)
      #expect(one < 2e-6 && two < 2e-6, "\(m)×\(n)×\(k): \(one), \(two)")
    }
  }

  @Test func reportsItsLibraryAndInstructionSet() {
    #if os(Linux)
      #expect(ComputeEngine.name.hasPrefix("oneDNN "))
      #expect(
        [
          "avx2", "avx512_core", "avx512_core_vnni", "avx512_core_bf16", "avx512_core_amx", "avx", "sse41",
          "avx2_vnni", "avx2_vnni_2", "avx512_core_fp16", "avx512_core_amx_fp16",
        ].contains(ComputeEngine.isa))
    #endif
    #expect(ComputeEngine.threads == 1)
  }
}
