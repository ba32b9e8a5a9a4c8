#if !canImport(Accelerate) && canImport(CCompute)
  import CCompute
#endif

/// A 2-D max or average pooling over NCHW tensors for one `Window2D` (batch size included).
///
/// Max pooling sends each window's gradient to the position its forward chose, the first
/// maximum on a tie (as PyTorch). Average pooling divides by the whole window, padded zeros
/// included (PyTorch's `count_include_pad=True`). On Linux this holds oneDNN primitives (and
/// the max positions in oneDNN's workspace); elsewhere it runs `WindowReference`'s loops.
public final class Pooling2D {
  /// Which statistic of each window is kept.
  public enum Kind: String, Sendable, CaseIterable {
    /// The window's largest value.
    case max
    /// The window's mean.
    case average
  }

  /// The geometry this object computes (`outChannels == channels`).
  public let window: Window2D
  /// Max or average.
  public let kind: Kind
  #if !canImport(Accelerate) && canImport(CCompute)
    private let handle: OpaquePointer
  #else
    /// The flat input index of each output's maximum, from the last forward.
    private var maxIndices: [Int] = []
  #endif

  /// Prepares the pooling for `window` (valid, with as many output channels as input ones).
  public init(_ window: Window2D, kind: Kind) {
    precondition(window.isValid && window.outChannels == window.channels, "Pooling2D: invalid window \(window)")
    #if canImport(Accelerate) || !canImport(CCompute)
      precondition(window.inputBlock == 0, "blocked layouts need oneDNN")
    #endif
    self.window = window
    self.kind = kind
    #if !canImport(Accelerate) && canImport(CCompute)
      var status: Int32 = 0
      var w = window.cWindow
      guard let handle = tt_pool_create(&w, kind == .max ? 1 : 0, &status) else {
        preconditionFailure("oneDNN could not create a \(kind) pooling for \(window) (status \(status))")
      }
      self.handle = handle
    #endif
  }

  deinit {
    #if !canImport(Accelerate) && canImport(CCompute)
      tt_pool_destroy(handle)
    #endif
  }

  /// `output = pool(input)`, resizing `output` to `window.outputShape`.
  public func forward(_ input: Tensor, into output: inout Tensor) {
    precondition(input.count == window.inputShape.reduce(1, *), "Pooling2D \(window): input \(input.shape)")
    if output.shape != window.outputShape { output.resize(to: window.outputShape) }
    #if !canImport(Accelerate) && canImport(CCompute)
      let status = input.withUnsafeBufferPointer { x in
        output.withUnsafeMutableBufferPointer { y in tt_pool_forward(handle, x.baseAddress, y.baseAddress) }
      }
      precondition(status == 0, "oneDNN pooling forward failed for \(window) (status \(status))")
    #else
      WindowReference.poolForward(window, kind, input, &output, &maxIndices)
    #endif
  }

  /// `gradInput = dL/d(input)` from `gradOutput` (after a forward on this object).
  public func backward(gradOutput: Tensor, into gradInput: inout Tensor) {
    precondition(
      gradOutput.count == window.outputShape.reduce(1, *), "Pooling2D \(window): gradient \(gradOutput.shape)")
    if gradInput.shape != window.inputShape { gradInput.resize(to: window.inputShape) }
    #if !canImport(Accelerate) && canImport(CCompute)
      let status = gradOutput.withUnsafeBufferPointer { g in
        gradInput.withUnsafeMutableBufferPointer { dx in tt_pool_backward(handle, g.baseAddress, dx.baseAddress) }
      }
      precondition(status == 0, "oneDNN pooling backward failed for \(window) (status \(status))")
    #else
      WindowReference.poolBackward(window, kind, gradOutput, maxIndices, &gradInput)
    #endif
  }
}
