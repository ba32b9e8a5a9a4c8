/// The learning-rate schedules traintop offers, by the name used on the command line and prompt.
public enum ScheduleName: String, CaseIterable, Codable, Sendable {
  /// A constant rate.
  case constant
  /// Step decay: × γ every N epochs.
  case step
  /// Exponential decay: × γ every epoch.
  case exponential
  /// Cosine annealing to a floor over the run.
  case cosine
  /// Cosine annealing with warm restarts (SGDR).
  case cosineRestarts = "cosine-restarts"
  /// Reduce on plateau (Keras semantics).
  case plateau
  /// One-cycle (fastai's `fit_one_cycle`), with momentum (or Adam's β1) cycled inversely.
  case onecycle
  /// One-cycle with PyTorch's `OneCycleLR` formula (peak at `pct·T − 1`, ends on the last step).
  case onecyclePyTorch = "onecycle-pytorch"
}
