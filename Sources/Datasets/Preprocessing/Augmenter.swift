import Foundation
import Tensor

/// Random, seeded changes to a training batch, in place: image shift, rotation, zoom and flip,
/// brightness and contrast, Gaussian noise.
///
/// The randomness of batch `b` of epoch `e` depends only on `(seed, e, b)`, so a resumed
/// run augments exactly as the original did. Use it on training batches only.
/// Images are resampled by one inverse affine map with bilinear interpolation (an integer
/// shift or a flip with no rotation or zoom copies pixels exactly); pixels from outside the image
/// take the per-feature `background` value. Brightness and contrast act on the raw pixel values:
/// with `bg` the preprocessed value of a raw 0 and `d = x - bg`, brightness is `bg + f·d`, exact for
/// any per-pixel affine scaling, and contrast is `bg + f·d + (1-f)·mean(d)`, exact when every pixel
/// is scaled alike (the default `[0, 1]` image scaling).
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
    // Zoom/flip and brightness/contrast draw from streams of their own, so turning them on leaves the
    // shifts, rotations and noise of a run exactly as they were.
    var scaling = SeededGenerator.derived(seed, epoch, number, stream: 5)
    var photometry = SeededGenerator.derived(seed, epoch, number, stream: 6)
    let width = batch.inputs.columns
    if let shape = imageShape, options.needsImages {
      precondition(shape.featureCount == width, "batch rows have \(width) values, images \(shape.featureCount)")
      if scratch.count != width { scratch = [Float](repeating: 0, count: width) }
      for row in 0..<batch.count {
        let transform = randomTransform(&generator, &scaling)
        if !transform.isIdentity { resample(&batch.inputs, row: row, shape: shape, transform: transform) }
        let factors = randomFactors(&photometry)
        if !factors.isIdentity { adjust(&batch.inputs, row: row, width: width, factors: factors) }
      }
    }
    if options.noiseStandardDeviation > 0 { addNoise(&batch.inputs, &generator) }
  }

  /// A shift, rotation, zoom and flip drawn for one image.
  private struct Transform {
    var dx: Double, dy: Double, angle: Double
    var scale = 1.0
    var flip = false
    var isIdentity: Bool { dx == 0 && dy == 0 && angle == 0 && scale == 1 && !flip }
  }

  /// Brightness and contrast factors drawn for one image.
  private struct Factors {
    var brightness = 1.0, contrast = 1.0
    var isIdentity: Bool { brightness == 1 && contrast == 1 }
  }

  /// Draws only what is enabled: shift and rotation from `generator`, zoom and flip from `scaling`.
  private func randomTransform(_ generator: inout SeededGenerator, _ scaling: inout SeededGenerator) -> Transform {
    let n = options.shiftPixels
    let dx = n > 0 ? Double(generator.nextInt(below: 2 * n + 1) - n) : 0
    let dy = n > 0 ? Double(generator.nextInt(below: 2 * n + 1) - n) : 0
    let maxAngle = options.rotationDegrees * Double.pi / 180
    let angle = maxAngle > 0 ? (2 * generator.nextUniformDouble() - 1) * maxAngle : 0
    var transform = Transform(dx: dx, dy: dy, angle: angle)
    if options.zoom > 0 { transform.scale = Self.factor(options.zoom, &scaling) }
    if options.horizontalFlip { transform.flip = scaling.nextUniformDouble() < 0.5 }
    return transform
  }

  private func randomFactors(_ generator: inout SeededGenerator) -> Factors {
    var factors = Factors()
    if options.brightness > 0 { factors.brightness = Self.factor(options.brightness, &generator) }
    if options.contrast > 0 { factors.contrast = Self.factor(options.contrast, &generator) }
    return factors
  }

  /// A factor uniform in `[max(0, 1 - spread), 1 + spread]`.
  private static func factor(_ spread: Double, _ generator: inout SeededGenerator) -> Double {
    let low = max(0, 1 - spread)
    return low + (1 + spread - low) * generator.nextUniformDouble()
  }

  /// Brightness then contrast on one row, relative to the background (see the type's note).
  private func adjust(_ inputs: inout Tensor, row: Int, width: Int, factors: Factors) {
    let base = row * width
    let brightness = Float(factors.brightness)
    let contrast = Float(factors.contrast)
    inputs.withUnsafeMutableBufferPointer { data in
      background.withUnsafeBufferPointer { empty in
        var sum: Float = 0
        for i in 0..<width {
          let d = brightness * (data[base + i] - empty[i])
          data[base + i] = d
          sum += d
        }
        let shift = (1 - contrast) * sum / Float(width)
        for i in 0..<width { data[base + i] = empty[i] + contrast * data[base + i] + shift }
      }
    }
  }

  /// Writes row `row` as the image moved by `transform`: each output pixel reads the inverse-mapped source bilinearly.
  private mutating func resample(_ inputs: inout Tensor, row: Int, shape: ImageShape, transform: Transform) {
    let (h, w, c) = (shape.height, shape.width, shape.channels)
    let base = row * shape.featureCount
    let (cosA, sinA) = (cos(transform.angle) / transform.scale, sin(transform.angle) / transform.scale)
    let (cx, cy) = (Double(w - 1) / 2, Double(h - 1) / 2)
    inputs.withUnsafeMutableBufferPointer { data in
      scratch.withUnsafeMutableBufferPointer { source in
        background.withUnsafeBufferPointer { empty in
          for i in 0..<source.count { source[i] = data[base + i] }
          for y in 0..<h {
            for x in 0..<w {
              let u = Double(x) - cx - transform.dx
              let v = Double(y) - cy - transform.dy
              let rx = cosA * u + sinA * v + cx
              let sx = transform.flip ? Double(w - 1) - rx : rx
              let sy = -sinA * u + cosA * v + cy
              let x0 = Int(sx.rounded(.down))
              let y0 = Int(sy.rounded(.down))
              let fx = Float(sx - Double(x0))
              let fy = Float(sy - Double(y0))
              for k in 0..<c {  // channels first: plane k holds channel k
                let out = (k * h + y) * w + x
                func pixel(_ px: Int, _ py: Int) -> Float {
                  px >= 0 && px < w && py >= 0 && py < h ? source[(k * h + py) * w + px] : empty[out]
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
