import Foundation
import Tensor

/// Random, seeded changes to a training batch, in place: image shift and rotation, Gaussian noise.
///
/// The randomness of batch `b` of epoch `e` depends only on `(seed, e, b)`, so a resumed
/// run augments exactly as the original did. Use it on training batches only.
/// Images are resampled by one inverse affine map with bilinear interpolation (an integer
/// shift with no rotation copies pixels exactly); pixels from outside the image take the
/// per-feature `background` value.
public struct Augmenter: Sendable {
  /// What to change.
  public let options: AugmentationOptions
  /// The image layout (shift and rotation are skipped without one).
  public let imageShape: ImageShape?
  /// The seed shared by every batch.
  public let seed: UInt64
  /// The value of an empty pixel for each feature (a raw 0 after preprocessing).
  public let background: [Float]
  /// One sample's values, reused for every image.
  private var scratch: [Float] = []

  /// Creates an augmenter; `background` has one value per feature.
  public init(options: AugmentationOptions, imageShape: ImageShape?, background: [Float], seed: UInt64) {
    precondition(imageShape == nil || imageShape?.featureCount == background.count, "background must cover the image")
    self.options = options
    self.imageShape = imageShape
    self.background = background
    self.seed = seed
  }

  /// Augments every row of `batch.inputs` in place; labels and shape are unchanged.
  public mutating func apply(to batch: inout Batch, epoch: Int, batch number: Int) {
    guard options.isEnabled, batch.count > 0 else { return }
    var generator = SeededGenerator.derived(seed, epoch, number, stream: 2)
    let width = batch.inputs.columns
    if let shape = imageShape, options.usesGeometry {
      precondition(shape.featureCount == width, "batch rows have \(width) values, images \(shape.featureCount)")
      if scratch.count != width { scratch = [Float](repeating: 0, count: width) }
      for row in 0..<batch.count {
        let transform = randomTransform(&generator, shape)
        guard !transform.isIdentity else { continue }
        resample(&batch.inputs, row: row, shape: shape, transform: transform)
      }
    }
    if options.noiseStandardDeviation > 0 { addNoise(&batch.inputs, &generator) }
  }

  /// A shift and rotation drawn for one image.
  private struct Transform {
    var dx: Double, dy: Double, angle: Double
    var isIdentity: Bool { dx == 0 && dy == 0 && angle == 0 }
  }

  private func randomTransform(_ generator: inout SeededGenerator, _ shape: ImageShape) -> Transform {
    let n = options.shiftPixels
    let dx = n > 0 ? Double(generator.nextInt(below: 2 * n + 1) - n) : 0
    let dy = n > 0 ? Double(generator.nextInt(below: 2 * n + 1) - n) : 0
    let maxAngle = options.rotationDegrees * Double.pi / 180
    let angle = maxAngle > 0 ? (2 * generator.nextUniformDouble() - 1) * maxAngle : 0
    return Transform(dx: dx, dy: dy, angle: angle)
  }

  /// Writes row `row` as the image moved by `transform`: each output pixel reads the inverse-mapped source bilinearly.
  private mutating func resample(_ inputs: inout Tensor, row: Int, shape: ImageShape, transform: Transform) {
    let (h, w, c) = (shape.height, shape.width, shape.channels)
    let base = row * shape.featureCount
    let (cosA, sinA) = (cos(transform.angle), sin(transform.angle))
    let (cx, cy) = (Double(w - 1) / 2, Double(h - 1) / 2)
    inputs.withUnsafeMutableBufferPointer { data in
      scratch.withUnsafeMutableBufferPointer { source in
        background.withUnsafeBufferPointer { empty in
          for i in 0..<source.count { source[i] = data[base + i] }
          for y in 0..<h {
            for x in 0..<w {
              let u = Double(x) - cx - transform.dx
              let v = Double(y) - cy - transform.dy
              let sx = cosA * u + sinA * v + cx
              let sy = -sinA * u + cosA * v + cy
              let x0 = Int(sx.rounded(.down))
              let y0 = Int(sy.rounded(.down))
              let fx = Float(sx - Double(x0))
              let fy = Float(sy - Double(y0))
              for k in 0..<c {
                let out = (y * w + x) * c + k
                func pixel(_ px: Int, _ py: Int) -> Float {
                  px >= 0 && px < w && py >= 0 && py < h ? source[(py * w + px) * c + k] : empty[out]
                }
                let top = pixel(x0, y0) * (1 - fx) + (fx == 0 ? 0 : pixel(x0 + 1, y0) * fx)
                let bottom = fy == 0 ? 0 : pixel(x0, y0 + 1) * (1 - fx) + (fx == 0 ? 0 : pixel(x0 + 1, y0 + 1) * fx)
                data[base + out] = top * (1 - fy) + bottom * fy
              }
            }
          }
        }
      }
    }
  }

  /// Adds `N(0, σ²)` to every value (Box–Muller, both outputs used).
  private func addNoise(_ inputs: inout Tensor, _ generator: inout SeededGenerator) {
    let sigma = options.noiseStandardDeviation
    inputs.withUnsafeMutableBufferPointer { data in
      var i = 0
      while i < data.count {
        let u1 = max(generator.nextUniformDouble(), 1e-300)
        let u2 = generator.nextUniformDouble()
        let radius = (-2 * log(u1)).squareRoot() * sigma
        data[i] += Float(radius * cos(2 * Double.pi * u2))
        if i + 1 < data.count { data[i + 1] += Float(radius * sin(2 * Double.pi * u2)) }
        i += 2
      }
    }
  }
}
