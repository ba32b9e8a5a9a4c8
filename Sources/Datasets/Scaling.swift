/// How features are scaled before they reach the model; statistics are fitted on the training split only.
public enum Scaling: String, Codable, Sendable, CaseIterable {
  /// `standardize` for tabular data, `none` for images (pixels already in [0, 1]).
  case automatic
  /// No scaling (u8 images are still divided by 255 into [0, 1]).
  case none
  /// Per-feature z-score: `(x - mean) / std` (population std; constant features only centred).
  case standardize
  /// Per-feature min-max to [0, 1] on the training split: `(x - min) / (max - min)` (constant features only shifted).
  case minMax
  /// One mean and std over every value (image mean/std normalisation): `(x - mean) / std`.
  case globalStandardize

  /// The concrete kind for a dataset: `automatic` resolved by whether it holds images.
  public func resolved(isImage: Bool) -> Scaling {
    self == .automatic ? (isImage ? .none : .standardize) : self
  }
}
