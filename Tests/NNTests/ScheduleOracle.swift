import NN
import TestSupport

// Decoding of schedules.json (PyTorch 2.15 schedulers and fastai's formula, float64; README §4).

/// The whole file.
struct ScheduleOracleFile: Decodable {
  let cases: [ScheduleOracleCase]
  let reduceLROnPlateau: [PlateauOracleCase]

  enum CodingKeys: String, CodingKey {
    case cases
    case reduceLROnPlateau = "reduce_lr_on_plateau"
  }
}

/// One scheduler's 40 rates (`lr[k]` after k scheduler steps) and, for one-cycle, momenta.
struct ScheduleOracleCase: Decodable {
  let name: String
  let scheduler: String
  let baseLR: Double
  let steps: Int
  let lr: [Double]
  let momentum: [Double]?

  enum CodingKeys: String, CodingKey {
    case name, scheduler, steps, lr, momentum
    case baseLR = "base_lr"
  }
}

/// One ReduceLROnPlateau sequence, epoch by epoch.
struct PlateauOracleCase: Decodable {
  let name: String
  let scheduler: String
  let baseLR: Double
  let valLosses: [Double]
  let epochs: [PlateauOracleEpoch]

  enum CodingKeys: String, CodingKey {
    case name, scheduler, epochs
    case baseLR = "base_lr"
    case valLosses = "val_losses"
  }
}

/// The scheduler's state after one epoch's `step(val_loss)`.
struct PlateauOracleEpoch: Decodable {
  let epoch: Int
  let valLoss: Double
  let lrDuringEpoch: Double
  let lrAfterStep: Double
  let best: Double
  let numBadEpochs: Int
  let cooldownCounter: Int
  let reduced: Bool

  enum CodingKeys: String, CodingKey {
    case epoch, best, reduced
    case valLoss = "val_loss"
    case lrDuringEpoch = "lr_during_epoch"
    case lrAfterStep = "lr_after_step"
    case numBadEpochs = "num_bad_epochs"
    case cooldownCounter = "cooldown_counter"
  }
}

/// `|a − b| ≤ 1e-12·|b|`: schedules are computed in Double (HELPERS.md).
func isRelativelyClose(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
  abs(a - b) <= tolerance * abs(b)
}
