import Datasets

/// Validation images with their true and predicted classes, for the dashboard's samples pane.
public struct ImageSamples: Sendable, Equatable {
  /// One image and what the model made of it.
  public struct Image: Sendable, Equatable {
    public var prediction: EvaluationSamples.Prediction
    /// Grey levels in `[0, 1]` (the image's own minimum to maximum), row-major `height × width`;
    /// the channels of a colour image are averaged.
    public var pixels: [Float]

    public init(prediction: EvaluationSamples.Prediction, pixels: [Float]) {
      self.prediction = prediction
      self.pixels = pixels
    }
  }

  /// Pixel rows per image.
  public var height: Int
  /// Pixels per row.
  public var width: Int
  /// The images: the first mistakes, then the split's first images (a row is never shown twice).
  public var images: [Image]

  public init(height: Int, width: Int, images: [Image]) {
    self.height = height
    self.width = width
    self.images = images
  }

  /// The images of `samples` (mistakes first) read from `split`, whose rows are `shape` images.
  public init(_ samples: EvaluationSamples, split: DataSplit, shape: ImageShape) {
    var seen = Set<Int>()
    let chosen = (samples.mistakes + samples.leading).filter { seen.insert($0.row).inserted }
    var batch = Batch()
    var images: [Image] = []
    for prediction in chosen where prediction.row < split.count {
      split.fill(&batch, indices: [prediction.row])
      images.append(Image(prediction: prediction, pixels: Self.greyLevels(batch.inputs.storage, shape)))
    }
    self.init(height: shape.height, width: shape.width, images: images)
  }

  /// One image's values (`channels × height × width`) as grey levels (the mean over channels) scaled
  /// to `[0, 1]`.
  static func greyLevels(_ values: [Float], _ shape: ImageShape) -> [Float] {
    let (c, plane) = (shape.channels, shape.height * shape.width)
    var grey = (0..<plane).map { pixel in
      (0..<c).reduce(Float(0)) { $0 + values[$1 * plane + pixel] } / Float(c)
    }
    let finite = grey.filter(\.isFinite)
    let low = finite.min() ?? 0
    let span = (finite.max() ?? 0) - low
    for i in grey.indices { grey[i] = span > 0 && grey[i].isFinite ? (grey[i] - low) / span : 0 }
    return grey
  }
}
