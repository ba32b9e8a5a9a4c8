/// A shape plus contiguous row-major Float32 storage, copy-on-write.
///
/// `Tensor` is a value type: copies share storage until one of them is mutated
/// (Swift `Array` semantics). Training code keeps its tensors uniquely owned and
/// mutates them in place, so a training step allocates nothing once its buffers
/// have reached their batch size.
public struct Tensor: Sendable, Equatable {
  /// The extent of each dimension, outermost first.
  public private(set) var shape: [Int]
  /// The elements in row-major order (last index fastest).
  public var storage: [Float]

  /// Creates a tensor of `shape` with every element set to `value`.
  public init(shape: [Int], repeating value: Float = 0) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
    self.shape = shape
    self.storage = [Float](repeating: value, count: shape.reduce(1, *))
  }

  /// Creates a tensor of `shape` holding `storage` (row-major).
  public init(shape: [Int], storage: [Float]) {
    precondition(
      shape.reduce(1, *) == storage.count,
      "shape \(shape) needs \(shape.reduce(1, *)) elements, got \(storage.count)")
    self.shape = shape
    self.storage = storage
  }

  /// A 1-D tensor holding `values`.
  public init(_ values: [Float]) {
    self.init(shape: [values.count], storage: values)
  }

  /// A tensor of zeros.
  public static func zeros(_ shape: [Int]) -> Tensor { Tensor(shape: shape) }

  /// A tensor of zeros with the shape of `other`.
  public static func zeros(like other: Tensor) -> Tensor { Tensor(shape: other.shape) }

  /// The number of elements.
  public var count: Int { storage.count }

  /// The number of dimensions.
  public var rank: Int { shape.count }

  /// The outermost extent: the batch size of a `[batch, features]` tensor.
  public var rows: Int { shape.first ?? 1 }

  /// The number of elements per row: the feature count of a `[batch, features]` tensor.
  /// (The product of the trailing dimensions, so a `[0, 4]` tensor still has 4 columns.)
  public var columns: Int {
    if shape.count >= 2 { return shape.dropFirst().reduce(1, *) }
    return rows == 0 ? 0 : count / rows
  }

  /// Changes the shape, reusing the storage; new elements are zero, contents are otherwise unspecified.
  ///
  /// Growing beyond the current capacity allocates; shrinking and re-growing
  /// within it does not, which is what lets batch-sized buffers be reused.
  public mutating func resize(to newShape: [Int]) {
    let newCount = newShape.reduce(1, *)
    if newCount != storage.count {
      if newCount < storage.count {
        storage.removeLast(storage.count - newCount)
      } else {
        storage.append(contentsOf: repeatElement(0, count: newCount - storage.count))
      }
    }
    shape = newShape
  }

  /// The element at `(row, column)` of a tensor viewed as `[rows, columns]`.
  public subscript(row: Int, column: Int) -> Float {
    get { storage[row * columns + column] }
    set { storage[row * columns + column] = newValue }
  }

  /// Calls `body` with a read-only pointer to the elements.
  @inlinable
  public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
    try storage.withUnsafeBufferPointer(body)
  }

  /// Calls `body` with a mutable pointer to the elements (copying first if storage is shared).
  @inlinable
  public mutating func withUnsafeMutableBufferPointer<R>(
    _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    try storage.withUnsafeMutableBufferPointer(body)
  }
}

extension Tensor: CustomStringConvertible {
  /// A short summary: shape and the first few elements.
  public var description: String {
    let head = storage.prefix(8).map { "\($0)" }.joined(separator: ", ")
    return "Tensor\(shape)[\(head)\(count > 8 ? ", …" : "")]"
  }
}
