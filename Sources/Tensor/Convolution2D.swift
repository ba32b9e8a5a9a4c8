#if !canImport(Accelerate) && canImport(CCompute)
  import CCompute
#endif

/// A 2-D convolution with bias over NCHW tensors (weights OIHW, PyTorch's layouts), forward and
/// both backward passes, for one `Window2D` (batch size included).
///
/// On Linux it holds oneDNN primitives created once and reused every call; elsewhere it runs the
/// direct loops of `WindowReference`. Callers keep one per batch size.
public final class Convolution2D {
  /// The geometry this object computes.
  public let window: Window2D
  #if !canImport(Accelerate) && canImport(CCompute)
    private let handle: OpaquePointer
  #endif

  /// Prepares the convolution for `window` (which must be valid).
  public init(_ window: Window2D) {
    precondition(window.isValid, "Convolution2D: invalid window \(window)")
    #if canImport(Accelerate) || !canImport(CCompute)
      precondition(window.inputBlock == 0 && window.outputBlock == 0, "blocked layouts need oneDNN")
    #endif
    self.window = window
    #if !canImport(Accelerate) && canImport(CCompute)
      var status: Int32 = 0
      var w = window.cWindow
      guard let handle = tt_conv_create(&w, &status) else {
        preconditionFailure("oneDNN could not create a convolution for \(window) (status \(status))")
      }
      self.handle = handle
    #endif
  }

  deinit {
    #if !canImport(Accelerate) && canImport(CCompute)
      tt_conv_destroy(handle)
    #endif
  }

  /// `output = conv(input, weight) + bias`, resizing `output` to `window.outputShape`.
  public func forward(input: Tensor, weight: Tensor, bias: Tensor, into output: inout Tensor) {
    check(input, window.inputShape, "input")
    if output.shape != window.outputShape { output.resize(to: window.outputShape) }
    #if !canImport(Accelerate) && canImport(CCompute)
      let status = input.withUnsafeBufferPointer { x in
        weight.withUnsafeBufferPointer { w in
          bias.withUnsafeBufferPointer { b in
            output.withUnsafeMutableBufferPointer { y in
              tt_conv_forward(handle, x.baseAddress, w.baseAddress, b.baseAddress, y.baseAddress)
            }
          }
        }
      }
      checkStatus(status, "forward")
    #else
      WindowReference.convolutionForward(window, input, weight, bias, &output)
    #endif
  }

  /// `gradInput = dL/d(input)` from `gradOutput`, resizing it to `window.inputShape`.
  public func backwardData(gradOutput: Tensor, weight: Tensor, into gradInput: inout Tensor) {
    check(gradOutput, window.outputShape, "output gradient")
    if gradInput.shape != window.inputShape { gradInput.resize(to: window.inputShape) }
    #if !canImport(Accelerate) && canImport(CCompute)
      let status = gradOutput.withUnsafeBufferPointer { g in
        weight.withUnsafeBufferPointer { w in
          gradInput.withUnsafeMutableBufferPointer { dx in
            tt_conv_backward_data(handle, g.baseAddress, w.baseAddress, dx.baseAddress)
          }
        }
      }
      checkStatus(status, "backward data")
    #else
      WindowReference.convolutionBackwardData(window, gradOutput, weight, &gradInput)
    #endif
  }

  /// Overwrites `weightGradient` (`window.weightShape`) and `biasGradient` (`[outChannels]`).
  public func backwardWeights(
    input: Tensor, gradOutput: Tensor, weightGradient: inout Tensor, biasGradient: inout Tensor
  ) {
    check(input, window.inputShape, "input")
    check(gradOutput, window.outputShape, "output gradient")
    if weightGradient.shape != window.weightShape { weightGradient.resize(to: window.weightShape) }
    if biasGradient.shape != [window.outChannels] { biasGradient.resize(to: [window.outChannels]) }
    #if !canImport(Accelerate) && canImport(CCompute)
      let status = input.withUnsafeBufferPointer { x in
        gradOutput.withUnsafeBufferPointer { g in
          weightGradient.withUnsafeMutableBufferPointer { dw in
            biasGradient.withUnsafeMutableBufferPointer { db in
              tt_conv_backward_weights(handle, x.baseAddress, g.baseAddress, dw.baseAddress, db.baseAddress)
            }
          }
        }
      }
      checkStatus(status, "backward weights")
    #else
      WindowReference.convolutionBackwardWeights(window, input, gradOutput, &weightGradient, &biasGradient)
    #endif
  }

  private func check(_ tensor: Tensor, _ shape: [Int], _ what: String) {
    precondition(
      tensor.count == shape.reduce(1, *), "Convolution2D \(window): \(what) \(tensor.shape), expected \(shape)")
  }

  private func checkStatus(_ status: Int32, _ pass: String) {
    precondition(status == 0, "oneDNN convolution \(pass) failed for \(window) (status \(status))")
  }
}

#if !canImport(Accelerate) && canImport(CCompute)
  extension Window2D {
    /// The C form of the window.
    var cWindow: tt_window {
      tt_window(
        batch: Int64(batch), channels: Int64(channels), height: Int64(height), width: Int64(width),
        outChannels: Int64(outChannels), kernelHeight: Int64(kernelHeight), kernelWidth: Int64(kernelWidth),
        stride: Int64(stride), padding: Int64(padding), outHeight: Int64(outHeight), outWidth: Int64(outWidth),
        srcBlock: Int64(inputBlock), dstBlock: Int64(outputBlock))
    }
  }
#endif
