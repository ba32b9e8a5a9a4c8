import CKernels

#if canImport(Accelerate)
  import Accelerate
#endif

// MARK: - In-place elementwise operations (vectorised loops over raw buffers)

extension Tensor {
  /// Sets every element to `value`.
  public mutating func fill(_ value: Float) {
    withUnsafeMutableBufferPointer { p in
      for i in p.indices { p[i] = value }
    }
  }

  /// Multiplies every element by `factor`.
  public mutating func scale(by factor: Float) {
    withUnsafeMutableBufferPointer { p in
      for i in p.indices { p[i] *= factor }
    }
  }

  /// `self += alpha · other`, elementwise (BLAS axpy).
  public mutating func add(_ other: Tensor, scaledBy alpha: Float = 1) {
    precondition(count == other.count, "add: \(shape) vs \(other.shape)")
    let n = count
    other.withUnsafeBufferPointer { x in
      withUnsafeMutableBufferPointer { y in
        #if canImport(Accelerate)
          cblas_saxpy(Int32(n), alpha, x.baseAddress, 1, y.baseAddress, 1)
        #else
          if let xs = x.baseAddress, let ys = y.baseAddress { tt_axpy(n, alpha, xs, ys) }
        #endif
      }
    }
  }

  /// Copies `other`'s elements and shape into `self`, reusing `self`'s storage.
  public mutating func assign(_ other: Tensor) {
    if shape != other.shape { resize(to: other.shape) }
    other.withUnsafeBufferPointer { x in
      withUnsafeMutableBufferPointer { y in
        for i in 0..<x.count { y[i] = x[i] }
      }
    }
  }

  /// Multiplies elementwise by `other` in place (Hadamard product).
  public mutating func multiply(by other: Tensor) {
    precondition(count == other.count, "multiply: \(shape) vs \(other.shape)")
    other.withUnsafeBufferPointer { x in
      withUnsafeMutableBufferPointer { y in
        for i in 0..<x.count { y[i] *= x[i] }
      }
    }
  }

  /// Replaces each element `x` with `transform(x)`.
  @inlinable
  public mutating func apply(_ transform: (Float) -> Float) {
    withUnsafeMutableBufferPointer { p in
      for i in p.indices { p[i] = transform(p[i]) }
    }
  }

  /// Writes `transform(source[i])` into each element of `self`, resizing to `source`'s shape.
  @inlinable
  public mutating func map(from source: Tensor, _ transform: (Float) -> Float) {
    if shape != source.shape { resize(to: source.shape) }
    source.withUnsafeBufferPointer { x in
      withUnsafeMutableBufferPointer { y in
        for i in 0..<x.count { y[i] = transform(x[i]) }
      }
    }
  }

  /// Sets every row to `vector` (`columns` elements): a broadcast, e.g. a bias before a `gemm` with β = 1.
  public mutating func fillRows(with vector: Tensor) {
    let (rowCount, cols) = (rows, columns)
    precondition(vector.count == cols, "fillRows: vector of \(vector.count) for \(cols) columns")
    vector.withUnsafeBufferPointer { v in
      withUnsafeMutableBufferPointer { p in
        guard let vp = v.baseAddress, let pp = p.baseAddress else { return }
        tt_fill_rows(rowCount, cols, vp, pp)
      }
    }
  }
}

// MARK: - Reductions

extension Tensor {
  /// Sums over rows (the batch) into `result`, giving one value per column: `[columns]`.
  public func sumRows(into result: inout Tensor) {
    let cols = columns
    let rowCount = rows
    if result.shape != [cols] { result.resize(to: [cols]) }
    withUnsafeBufferPointer { p in
      result.withUnsafeMutableBufferPointer { r in
        guard let rp = r.baseAddress else { return }
        guard let pp = p.baseAddress else { return r.update(repeating: 0) }
        tt_sum_rows(rowCount, cols, pp, rp)
      }
    }
  }

  /// Sums each row into `result`, giving one value per row: `[rows]`.
  public func sumColumns(into result: inout Tensor) {
    let cols = columns
    let rowCount = rows
    if result.shape != [rowCount] { result.resize(to: [rowCount]) }
    withUnsafeBufferPointer { p in
      result.withUnsafeMutableBufferPointer { r in
        for i in 0..<rowCount {
          var s: Float = 0
          let base = i * cols
          for j in 0..<cols { s += p[base + j] }
          r[i] = s
        }
      }
    }
  }

  /// The sum of all elements, accumulated in Double.
  public func sum() -> Double {
    withUnsafeBufferPointer { p in
      var s: Double = 0
      for x in p { s += Double(x) }
      return s
    }
  }

  /// The sum of squares of all elements: BLAS sdot over blocks of 4096, the blocks summed in Double.
  public func sumOfSquares() -> Double {
    withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return 0 }
      var total: Double = 0
      var start = 0
      while start < p.count {
        let n = Swift.min(4096, p.count - start)
        total += Double(dot(base + start, base + start, n))
        start += n
      }
      return total
    }
  }

  /// The largest element (−∞ for an empty tensor).
  public func max() -> Float {
    withUnsafeBufferPointer { p in p.reduce(-Float.infinity) { Swift.max($0, $1) } }
  }

  /// True when every element is finite (no NaN or ±∞).
  public var isFinite: Bool {
    withUnsafeBufferPointer { p in
      // A NaN or ∞ anywhere makes x·0 NaN, so one pass with no branches per element.
      var acc: Float = 0
      for x in p { acc += x * 0 }
      return acc == 0
    }
  }

  /// The column index of the largest element in each row, written to `result` (`rows` entries).
  public func argmaxRows(into result: inout [Int32]) {
    let cols = columns
    let rowCount = rows
    if result.count != rowCount { result = [Int32](repeating: 0, count: rowCount) }
    withUnsafeBufferPointer { p in
      for i in 0..<rowCount {
        let base = i * cols
        var best = 0
        var bestValue = -Float.infinity
        for j in 0..<cols where p[base + j] > bestValue {
          bestValue = p[base + j]
          best = j
        }
        result[i] = Int32(best)
      }
    }
  }
}

/// The dot product of two Float buffers of length `n` (Accelerate's sdot, else the C kernel:
/// eight partial sums in a fixed order, the same bits on any CPU).
@inline(__always)
private func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
  #if canImport(Accelerate)
    return cblas_sdot(Int32(n), x, 1, y, 1)
  #else
    var s: Float = 0
    tt_dot(n, x, y, &s)
    return s
  #endif
}
