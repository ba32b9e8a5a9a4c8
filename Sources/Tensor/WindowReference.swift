/// Direct loops for convolution and pooling: the compute path where oneDNN is absent (macOS,
/// plain builds), and the independent reference the tests hold oneDNN's results against.
///
/// Every loop reads NCHW activations and OIHW weights; padded positions read as zero.
enum WindowReference {
  /// `output[n,o,y,x] = bias[o] + Σ_{c,i,j} weight[o,c,i,j]·input[n,c,y·s−p+i,x·s−p+j]`.
  static func convolutionForward(
    _ w: Window2D, _ input: Tensor, _ weight: Tensor, _ bias: Tensor, _ output: inout Tensor
  ) {
    forEachOutput(w) { o, out in output.storage[out] = bias.storage[o] }
    forEachTap(w) { out, i, k in output.storage[out] += weight.storage[k] * input.storage[i] }
  }

  /// `gradInput[n,c,iy,ix] = Σ weight[o,c,i,j]·gradOutput[n,o,y,x]` over the windows that read it.
  static func convolutionBackwardData(
    _ w: Window2D, _ gradOutput: Tensor, _ weight: Tensor, _ gradInput: inout Tensor
  ) {
    gradInput.fill(0)
    forEachTap(w) { out, i, k in gradInput.storage[i] += weight.storage[k] * gradOutput.storage[out] }
  }

  /// `dW[o,c,i,j] = Σ_{n,y,x} gradOutput[n,o,y,x]·input[n,c,…]`, `db[o] = Σ_{n,y,x} gradOutput[n,o,y,x]`.
  static func convolutionBackwardWeights(
    _ w: Window2D, _ input: Tensor, _ gradOutput: Tensor, _ weightGradient: inout Tensor,
    _ biasGradient: inout Tensor
  ) {
    biasGradient.fill(0)
    forEachOutput(w) { o, out in biasGradient.storage[o] += gradOutput.storage[out] }
    weightGradient.fill(0)
    forEachTap(w) { out, i, k in weightGradient.storage[k] += input.storage[i] * gradOutput.storage[out] }
  }

  /// Calls `body(o, out)` for every output element `[n,o,y,x]`, in NCHW order; `out` is its flat index.
  private static func forEachOutput(_ w: Window2D, _ body: (_ o: Int, _ out: Int) -> Void) {
    for n in 0..<w.batch {
      for o in 0..<w.outChannels {
        for y in 0..<w.outHeight {
          for x in 0..<w.outWidth { body(o, ((n * w.outChannels + o) * w.outHeight + y) * w.outWidth + x) }
        }
      }
    }
  }

  /// Calls `body(out, input, weight)` for every output element and each in-bounds tap of its
  /// window, in NCHW order then (c, i, j): the flat indices of the output element, the input element
  /// it reads and the weight it multiplies.
  private static func forEachTap(_ w: Window2D, _ body: (_ out: Int, _ input: Int, _ weight: Int) -> Void) {
    for n in 0..<w.batch {
      for o in 0..<w.outChannels {
        for y in 0..<w.outHeight {
          for x in 0..<w.outWidth {
            let out = ((n * w.outChannels + o) * w.outHeight + y) * w.outWidth + x
            for c in 0..<w.channels {
              forEachInBounds(w, y, x) { iy, ix, i, j in
                body(
                  out, ((n * w.channels + c) * w.height + iy) * w.width + ix,
                  ((o * w.channels + c) * w.kernelHeight + i) * w.kernelWidth + j)
              }
            }
          }
        }
      }
    }
  }

  /// Max (recording the first maximum's flat input index in `maxIndices`) or average pooling.
  static func poolForward(
    _ w: Window2D, _ kind: Pooling2D.Kind, _ input: Tensor, _ output: inout Tensor, _ maxIndices: inout [Int]
  ) {
    let planes = w.batch * w.channels
    let area = Float(w.kernelHeight * w.kernelWidth)
    if maxIndices.count != output.count { maxIndices = [Int](repeating: -1, count: output.count) }
    for plane in 0..<planes {
      for y in 0..<w.outHeight {
        for x in 0..<w.outWidth {
          let out = (plane * w.outHeight + y) * w.outWidth + x
          var best = -Float.infinity
          var sum: Float = 0
          maxIndices[out] = -1
          forEachPoolTap(w, plane, y, x) { index in
            let value = input.storage[index]
            sum += value
            if value > best || maxIndices[out] < 0 {
              best = value
              maxIndices[out] = index
            }
          }
          output.storage[out] = kind == .max ? best : sum / area
        }
      }
    }
  }

  /// Sends each output gradient to its window's maximum, or spreads it evenly over the window.
  static func poolBackward(
    _ w: Window2D, _ kind: Pooling2D.Kind, _ gradOutput: Tensor, _ maxIndices: [Int], _ gradInput: inout Tensor
  ) {
    gradInput.fill(0)
    let area = Float(w.kernelHeight * w.kernelWidth)
    for plane in 0..<(w.batch * w.channels) {
      for y in 0..<w.outHeight {
        for x in 0..<w.outWidth {
          let out = (plane * w.outHeight + y) * w.outWidth + x
          let g = gradOutput.storage[out]
          switch kind {
          case .max: gradInput.storage[maxIndices[out]] += g
          case .average: forEachPoolTap(w, plane, y, x) { gradInput.storage[$0] += g / area }
          }
        }
      }
    }
  }

  /// Calls `body` with the flat input index of each in-bounds position of a pooling window.
  private static func forEachPoolTap(_ w: Window2D, _ plane: Int, _ y: Int, _ x: Int, _ body: (Int) -> Void) {
    forEachInBounds(w, y, x) { iy, ix, _, _ in body((plane * w.height + iy) * w.width + ix) }
  }

  /// Calls `body(iy, ix, i, j)` for each tap `(i, j)` of output `(y, x)`'s window whose input
  /// position `(iy, ix)` is inside the image (padding reads nothing).
  private static func forEachInBounds(
    _ w: Window2D, _ y: Int, _ x: Int, _ body: (_ iy: Int, _ ix: Int, _ i: Int, _ j: Int) -> Void
  ) {
    for i in 0..<w.kernelHeight {
      let iy = y * w.stride - w.padding + i
      guard iy >= 0 && iy < w.height else { continue }
      for j in 0..<w.kernelWidth {
        let ix = x * w.stride - w.padding + j
        guard ix >= 0 && ix < w.width else { continue }
        body(iy, ix, i, j)
      }
    }
  }
}
