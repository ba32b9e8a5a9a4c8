import Tensor

/// The optimizers traintop offers, in order of increasing complexity (the `o` key cycles them).
public enum OptimizerKind: String, CaseIterable, Codable, Sendable {
  /// Plain stochastic gradient descent.
  case sgd
  /// SGD with (heavy-ball) momentum, PyTorch form.
  case momentum
  /// SGD with Nesterov momentum, PyTorch form.
  case nesterov
  case adagrad
  case rmsprop
  /// Adam (coupled L2 when weight decay is set).
  case adam
  /// AdamW (decoupled weight decay).
  case adamw
}

/// Every hyper-parameter an optimizer may read; each can change between two steps.
///
/// Values are Doubles (as PyTorch's param_groups); updates run in Float32.
public struct OptimizerSettings: Codable, Sendable, Equatable {
  public var learningRate: Double = 1e-3
  /// Momentum for SGD+momentum, Nesterov and RMSProp (PyTorch semantics: lr outside the buffer).
  /// The default suits the momentum optimizers; `defaults(for:)` gives RMSProp PyTorch's 0.
  public var momentum: Double = 0.9
  /// Adam's β1.
  public var beta1: Double = 0.9
  /// Adam's β2.
  public var beta2: Double = 0.999
  /// RMSProp's smoothing constant α.
  public var alpha: Double = 0.99
  /// ε added to denominators.
  public var epsilon: Double = 1e-8
  /// Weight decay: coupled L2 for SGD/Adam/…, decoupled for AdamW.
  public var weightDecay: Double = 0
  /// RMSProp: normalise by the centred second moment.
  public var centered: Bool = false
  /// Adam/AdamW: use the AMSGrad maximum of the second moment.
  public var amsgrad: Bool = false

  /// Settings with PyTorch's defaults.
  public init() {}

  /// PyTorch's defaults for `kind`: momentum 0 for RMSProp (none), 0.9 for the momentum kinds.
  public static func defaults(for kind: OptimizerKind) -> OptimizerSettings {
    var settings = OptimizerSettings()
    if kind == .rmsprop { settings.momentum = 0 }
    return settings
  }
}

/// Applies one update rule to a model's parameters, keeping per-parameter state.
public protocol Optimizer: AnyObject {
  /// Which rule this is.
  var kind: OptimizerKind { get }
  /// The hyper-parameters, read afresh at every step.
  var settings: OptimizerSettings { get set }
  /// The number of steps taken (Adam's t).
  var stepCount: Int { get }
  /// Updates every parameter in place from its `gradient`.
  func step(_ parameters: [Parameter])
  /// The per-parameter state, keyed `<parameter name>.<state name>` (PyTorch's names, e.g. `exp_avg`).
  func exportState(_ parameters: [Parameter]) -> [String: Tensor]
  /// Restores state saved by `exportState`, with `stepCount`.
  func importState(_ state: [String: Tensor], stepCount: Int, parameters: [Parameter]) throws
}
