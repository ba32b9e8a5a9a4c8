/// How features are scaled before they reach the model; statistics are fitted on the training split only.
public enum Scaling: String, Codable, Sendable, CaseIterable {
  /// `standardize` for tabular data, `none` for images (pixels already in [0, 1]).
  case automatic
  /// No scaling (u8 images are still divided by 255 into [0, 1]).
  case none
  /// Per-feature z-score: `(x - mean) / std` (population std; constant features only centred).
  case standardize
  /// Per-feature min-max to [0, 1] on the training split: `(x - min) / (max - min)` (constant features only shifted).
  case minMax = "minmax"
  /// One mean and std over every value (image mean/std normalisation): `(x - mean) / std`.
  case globalStandardize = "global-standardize"

  /// Reads the name, also as written by earlier versions (`minMax`, `globalStandardize`).
  public init(from decoder: any Decoder) throws {
    let name = try decoder.singleValueContainer().decode(String.self)
    let legacy = ["minMax": Scaling.minMax, "globalStandardize": .globalStandardize]
    guard let value = Scaling(rawValue: name) ?? legacy[name] else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "unknown scaling '\(name)'"))
    }
    self = value
  }

  /// The concrete kind for a dataset: `automatic` resolved by whether it holds images.
  public func resolved(isImage: Bool) -> Scaling {
    self == .automatic ? (isImage ? .none : .standardize) : self
  }
}
