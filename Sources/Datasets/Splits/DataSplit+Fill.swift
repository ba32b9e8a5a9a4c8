import CKernels
import Tensor

// MARK: - Gathering batches

extension DataSplit {
  /// Fills `batch` with the samples at split positions `indices`: inputs `[n, featureCount]`
  /// (converted to Float and preprocessed), plus labels or targets.
  ///
  /// Only the batch's rows are touched; the batch's buffers are reused, so a loop over an
  /// epoch with a fixed batch size allocates nothing after the first batch.
  public func fill(_ batch: inout Batch, indices: ArraySlice<Int>) {
    let n = indices.count
    let width = featureCount
    // Read the shape in place: a second reference to the buffer would force a copy on write.
    if batch.inputs.rank != 2 || batch.inputs.shape[0] != n || batch.inputs.shape[1] != width {
      batch.inputs.resize(to: [n, width])
    }
    batch.inputs.withUnsafeMutableBufferPointer { out in
      switch block.features {
      case .bytes(let bytes): gatherBytes(bytes, indices: indices, into: out)
      case .floats(let values): gatherFloats(values, indices: indices, into: out)
      }
    }
    fillLabels(&batch, indices: indices)
  }

  /// Copies labels (classification) or targets (regression) of the batch's rows.
  private func fillLabels(_ batch: inout Batch, indices: ArraySlice<Int>) {
    let n = indices.count
    if block.labels.isEmpty {
      batch.labels.removeAll(keepingCapacity: true)
      let outputs = outputCount
      if batch.targets.rank != 2 || batch.targets.shape[0] != n || batch.targets.shape[1] != outputs {
        batch.targets.resize(to: [n, outputs])
      }
      batch.targets.withUnsafeMutableBufferPointer { out in
        block.targets.withUnsafeBufferPointer { source in
          for (i, index) in indices.enumerated() {
            let row = rows[index]
            for k in 0..<outputs { out[i * outputs + k] = source[row * outputs + k] }
          }
        }
      }
    } else {
      if batch.targets.count != 0 { batch.targets.resize(to: [0, 0]) }
      if batch.labels.count != n {
        batch.labels.removeAll(keepingCapacity: true)
        batch.labels.append(contentsOf: repeatElement(0, count: n))
      }
      batch.labels.withUnsafeMutableBufferPointer { out in
        block.labels.withUnsafeBufferPointer { source in
          for (i, index) in indices.enumerated() { out[i] = source[rows[index]] }
        }
      }
    }
  }

  /// u8 rows: `Float(v) / inputDivisor` (exactly what a per-pixel division gives), then the affine
  /// map. The C kernel fetches rows ahead: they are scattered over the whole dataset.
  private func gatherBytes(
    _ bytes: [UInt8], indices: ArraySlice<Int>, into out: UnsafeMutableBufferPointer<Float>
  ) {
    let divisor = preprocessing.inputDivisor
    bytes.withUnsafeBufferPointer { source in
      rows.withUnsafeBufferPointer { rowOf in
        indices.withUnsafeBufferPointer { positions in
          guard let sourceBase = source.baseAddress, let rowBase = rowOf.baseAddress,
            let positionBase = positions.baseAddress, let outBase = out.baseAddress
          else { return }
          tt_gather_byte_rows(positions.count, featureCount, sourceBase, positionBase, rowBase, divisor, outBase)
        }
      }
    }
    applyAffine(rows: indices.count, to: out)
  }

  /// Float rows: copied, divided by the input divisor if it is not 1, then the per-feature affine map.
  private func gatherFloats(
    _ values: [Float], indices: ArraySlice<Int>, into out: UnsafeMutableBufferPointer<Float>
  ) {
    let width = featureCount
    let divisor = preprocessing.inputDivisor
    values.withUnsafeBufferPointer { source in
      rows.withUnsafeBufferPointer { rowOf in
        guard width > 0, let sourceBase = source.baseAddress, let outBase = out.baseAddress else { return }
        for (i, index) in indices.enumerated() {
          let src = sourceBase + rowOf[index] * width
          let dst = outBase + i * width
          if divisor == 1 {
            dst.update(from: src, count: width)
          } else {
            for j in 0..<width { dst[j] = src[j] / divisor }
          }
        }
      }
    }
    applyAffine(rows: indices.count, to: out)
  }

  /// `out[i, j] = (out[i, j] - shift[j]) * factor[j]` in place; nothing for the identity.
  private func applyAffine(rows n: Int, to out: UnsafeMutableBufferPointer<Float>) {
    guard !preprocessing.isIdentity else { return }
    let width = featureCount
    preprocessing.shift.withUnsafeBufferPointer { shift in
      preprocessing.factor.withUnsafeBufferPointer { factor in
        for i in 0..<n {
          let base = i * width
          for j in 0..<width { out[base + j] = (out[base + j] - shift[j]) * factor[j] }
        }
      }
    }
  }
}
