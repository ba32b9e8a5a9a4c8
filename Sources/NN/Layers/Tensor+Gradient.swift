import Tensor

// MARK: - Elementwise kernels shared by the activation layers (internal)

extension Tensor {
  /// Writes `derivative(x, y, g)` into each element, resizing to `input`'s shape.
  ///
  /// `x` is the forward input, `y` the forward output and `g` the upstream gradient
  /// at the same index: the chain rule of an elementwise activation.
  @inline(__always)
  mutating func mapGradient(
    input: Tensor, output: Tensor, gradOutput: Tensor,
    _ derivative: (_ x: Float, _ y: Float, _ g: Float) -> Float
  ) {
    precondition(
      input.count == output.count && output.count == gradOutput.count,
      "backward: input \(input.shape), output \(output.shape), gradient \(gradOutput.shape)")
    if shape != input.shape { resize(to: input.shape) }
    input.withUnsafeBufferPointer { x in
      output.withUnsafeBufferPointer { y in
        gradOutput.withUnsafeBufferPointer { g in
          withUnsafeMutableBufferPointer { d in
            for i in 0..<d.count { d[i] = derivative(x[i], y[i], g[i]) }
          }
        }
      }
    }
  }

  /// Copies `source`'s elements into `self` under `shape` (same element count), reusing storage.
  mutating func copyElements(of source: Tensor, shape newShape: [Int]) {
    precondition(newShape.reduce(1, *) == source.count, "copy: \(source.shape) into \(newShape)")
    if shape != newShape { resize(to: newShape) }
    source.withUnsafeBufferPointer { s in
      withUnsafeMutableBufferPointer { d in
        for i in 0..<d.count { d[i] = s[i] }
      }
    }
  }
}
