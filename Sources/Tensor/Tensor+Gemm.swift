#if canImport(Accelerate)
  import Accelerate
#elseif canImport(CCompute)
  import CCompute
#endif

extension Tensor {
  /// `c = alpha · op(a) · op(b) + beta · c` via the compute engine's sgemm (oneDNN on Linux,
  /// Accelerate on macOS), with both tensors viewed as matrices.
  ///
  /// `a` is viewed as `[a.rows, a.columns]` and `b` as `[b.rows, b.columns]`;
  /// `op` transposes when asked. `c` is resized to `[m, n]` (no allocation when it
  /// already has that many elements). With `beta == 0` the old contents of `c` are ignored.
  public static func gemm(
    _ a: Tensor, transposeA: Bool = false,
    _ b: Tensor, transposeB: Bool = false,
    into c: inout Tensor, alpha: Float = 1, beta: Float = 0
  ) {
    let m = transposeA ? a.columns : a.rows
    let k = transposeA ? a.rows : a.columns
    let kb = transposeB ? b.columns : b.rows
    let n = transposeB ? b.rows : b.columns
    precondition(
      k == kb, "gemm: inner dimensions differ (\(a.shape)\(transposeA ? "ᵀ" : "") · \(b.shape)\(transposeB ? "ᵀ" : ""))"
    )
    if c.shape != [m, n] {
      precondition(beta == 0 || c.count == m * n, "gemm: c has shape \(c.shape), expected [\(m), \(n)]")
      c.resize(to: [m, n])
    }
    if m == 0 || n == 0 { return }
    if k == 0 {
      if beta == 0 { c.fill(0) } else { c.scale(by: beta) }  // beta 0 ignores old contents, NaN included
      return
    }
    sgemm(transposeA, transposeB, m, n, k, alpha, a, a.columns, b, b.columns, beta, &c)
  }

  /// The matrix product `op(self) · op(other)` as a new tensor.
  public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
    var result = Tensor(shape: [0, 0])
    Tensor.gemm(self, transposeA: transposeSelf, other, transposeB: transposeOther, into: &result)
    return result
  }
}

/// Row-major sgemm on whole tensors with explicit leading dimensions.
@inline(__always)
private func sgemm(
  _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
  _ a: Tensor, _ lda: Int, _ b: Tensor, _ ldb: Int, _ beta: Float, _ c: inout Tensor
) {
  #if canImport(Accelerate)
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        c.withUnsafeMutableBufferPointer { pc in
          cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, pa.baseAddress, Int32(lda),
            pb.baseAddress, Int32(ldb), beta, pc.baseAddress, Int32(n))
        }
      }
    }
  #elseif canImport(CCompute)
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        c.withUnsafeMutableBufferPointer { pc in
          let status = tt_gemm(
            transA ? 1 : 0, transB ? 1 : 0, Int64(m), Int64(n), Int64(k), alpha, pa.baseAddress, Int64(lda),
            pb.baseAddress, Int64(ldb), beta, pc.baseAddress, Int64(n))
          // The shapes were checked above; oneDNN fails only on invalid arguments.
          precondition(status == 0, "oneDNN sgemm failed with status \(status) for \(m)×\(n)×\(k)")
        }
      }
    }
  #else
    naiveGemm(transA, transB, m, n, k, alpha, a.storage, lda, b.storage, ldb, beta, &c.storage)
  #endif
}

/// Reference triple loop, used where no BLAS is available and by tests as the oracle.
public func naiveGemm(
  _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
  _ a: [Float], _ lda: Int, _ b: [Float], _ ldb: Int, _ beta: Float, _ c: inout [Float]
) {
  for i in 0..<m {
    for j in 0..<n {
      var sum: Double = 0
      for p in 0..<k {
        let av = transA ? a[p * lda + i] : a[i * lda + p]
        let bv = transB ? b[j * ldb + p] : b[p * ldb + j]
        sum += Double(av) * Double(bv)
      }
      let old = beta == 0 ? 0 : beta * c[i * n + j]
      c[i * n + j] = alpha * Float(sum) + old
    }
  }
}
