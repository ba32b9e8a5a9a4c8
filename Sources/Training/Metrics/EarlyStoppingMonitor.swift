/// A quantity early stopping can watch; the raw value is its name in logs (`val_loss`, …).
public enum EarlyStoppingMonitor: String, CaseIterable, Codable, Sendable {
  /// Validation loss (Keras's default).
  case validationLoss = "val_loss"
  case validationAccuracy = "val_accuracy"
  /// Validation R² (regression).
  case validationR2 = "val_r2"
  /// Validation macro F1.
  case validationMacroF1 = "val_macro_f1"
  /// Mean training loss over the epoch.
  case trainLoss = "train_loss"
  /// Training accuracy.
  case trainAccuracy = "train_accuracy"
  /// Training R² (regression).
  case trainR2 = "train_r2"

  /// The direction `auto` mode picks: `max` for accuracy, R² and F1, `min` for losses.
  public var automaticMode: EarlyStoppingMode {
    switch self {
    case .validationLoss, .trainLoss: return .min
    case .validationAccuracy, .validationR2, .validationMacroF1, .trainAccuracy, .trainR2: return .max
    }
  }

  /// The monitored value in one epoch's metrics (nil for macro F1, which `EpochMetrics` lacks).
  ///
  /// `EpochMetrics`' `trainMetric`/`validationMetric` hold accuracy for classification and R²
  /// for regression, so the accuracy and R² monitors read the same field.
  public func value(in metrics: EpochMetrics) -> Double? {
    switch self {
    case .validationLoss: return metrics.validationLoss
    case .validationAccuracy, .validationR2: return metrics.validationMetric
    case .trainLoss: return metrics.trainLoss
    case .trainAccuracy, .trainR2: return metrics.trainMetric
    case .validationMacroF1: return nil
    }
  }
}

/// Whether a smaller or a larger monitored value is better.
public enum EarlyStoppingMode: String, CaseIterable, Codable, Sendable {
  /// Infer from the monitor's name (Keras): `max` for accuracy/R²/F1, `min` otherwise.
  case auto
  /// Smaller is better.
  case min
  /// Larger is better.
  case max
}
