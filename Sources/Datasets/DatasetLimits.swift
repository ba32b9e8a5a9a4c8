/// Limits on sizes read from data files: each drives an allocation (the output layer, the
/// confusion matrix of K² counts), so a stray label cannot ask for gigabytes.
public enum DatasetLimits {
  /// The most classes a dataset may have (a 4096² confusion matrix is 128 MB).
  public static let maximumClasses = 4096
}
