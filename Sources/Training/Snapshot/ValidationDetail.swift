import Datasets

/// What the latest validation pass saw, beyond its loss and metric: the confusion matrix and, for
/// images, a few samples with their predictions. Made once per epoch, for the dashboard.
public struct ValidationDetail: Sendable, Equatable {
  /// The epoch (1-based) of the validation pass.
  public var epoch: Int
  /// Rows = true class, columns = predicted.
  public var confusion: ConfusionMatrix
  /// Some images and their predictions, when the data are images.
  public var samples: ImageSamples?

  public init(epoch: Int, confusion: ConfusionMatrix, samples: ImageSamples?) {
    self.epoch = epoch
    self.confusion = confusion
    self.samples = samples
  }

  /// The number of images the samples pane can show at most (mistakes, then the first images).
  public static let sampleCount = 12
}
