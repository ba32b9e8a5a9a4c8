import Foundation
import NN

extension Trainer {
  /// Applies a hyper-parameter, regularisation, clipping or patience change and logs old → new.
  func applySetting(_ command: TrainerCommand, source: CommandSource) {
    let (old, new) = swapSetting(command)
    log(
      .command, "\(command.name) \(old) → \(new)", source: source, oldValue: old, newValue: new)
  }

  /// Changes the setting `command` names and returns its old and new values as text.
  private func swapSetting(_ command: TrainerCommand) -> (String, String) {
    switch command {
    case .setMomentum(let v):
      defer { optimizer.settings.momentum = v }
      return (format(optimizer.settings.momentum), format(v))
    case .setBeta1(let v):
      defer { optimizer.settings.beta1 = v }
      return (format(optimizer.settings.beta1), format(v))
    case .setBeta2(let v):
      defer { optimizer.settings.beta2 = v }
      return (format(optimizer.settings.beta2), format(v))
    case .setWeightDecay(let v):
      defer { optimizer.settings.weightDecay = v }
      return (format(optimizer.settings.weightDecay), format(v))
    case .setL1(let v):
      defer { regularization.l1 = v }
      return (format(regularization.l1), format(v))
    case .setL2(let v):
      defer { regularization.l2 = v }
      return (format(regularization.l2), format(v))
    case .setGradientClip(let v):
      defer { regularization.clipNorm = v }
      return (format(regularization.clipNorm), format(v))
    case .setGradientClipValue(let v):
      defer { regularization.clipValue = v }
      return (format(regularization.clipValue), format(v))
    case .setPatience(let p):
      defer { earlyStopping.patience = p }
      return ("\(earlyStopping.patience)", "\(p)")
    default:
      return ("", "")
    }
  }

  private func format(_ value: Double?) -> String {
    guard let value else { return "off" }
    return value == 0 ? "0" : (abs(value) < 1e-2 ? formatRate(value) : "\(value)")
  }
}
