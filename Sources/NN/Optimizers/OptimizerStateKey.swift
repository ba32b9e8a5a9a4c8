/// The name of one per-parameter optimizer state tensor, spelled as in PyTorch's `state_dict`.
///
/// Checkpoints key each tensor `<parameter name>.<state key>`, e.g. `layers.0.weight.exp_avg`.
/// PyTorch's per-parameter `step` is not a tensor here: it is the optimizer's `stepCount`.
public enum OptimizerStateKey: String, CaseIterable, Codable, Sendable {
  /// SGD+momentum/Nesterov's velocity, and RMSProp's momentum buffer.
  case momentumBuffer = "momentum_buffer"
  /// Adagrad's running sum of squared gradients.
  case sum
  /// RMSProp's moving average of squared gradients.
  case squareAvg = "square_avg"
  /// Centred RMSProp's moving average of gradients.
  case gradAvg = "grad_avg"
  /// Adam's first moment.
  case expAvg = "exp_avg"
  /// Adam's second moment.
  case expAvgSq = "exp_avg_sq"
  /// AMSGrad's running maximum of the second moment.
  case maxExpAvgSq = "max_exp_avg_sq"

  /// The checkpoint key of this state for the parameter named `parameterName`.
  public func key(for parameterName: String) -> String {
    "\(parameterName).\(rawValue)"
  }
}
