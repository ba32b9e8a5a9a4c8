import NN
import Tensor
import Testing

/// Every loss and penalty against `losses.json` (PyTorch 2.15, float64, seed 2; README §3).
@Suite struct LossOracleTests {
  /// The loss PyTorch used for each case name (its `module` field).
  private func makeLoss(_ name: String) throws -> any Loss {
    switch name {
    case "cross_entropy", "cross_entropy_large_logits":  // CrossEntropyLoss(reduction='mean')
      SoftmaxCrossEntropy()
    case "cross_entropy_label_smoothing_0.1", "cross_entropy_large_logits_label_smoothing_0.1":
      SoftmaxCrossEntropy(labelSmoothing: 0.1)  // CrossEntropyLoss(label_smoothing=0.1)
    case "mse": MeanSquaredError()  // MSELoss(reduction='mean')
    case "bce_with_logits", "bce_with_logits_large_logits": BinaryCrossEntropyWithLogits()
    case "multi_margin": MultiClassHinge()  // MultiMarginLoss(p=1, margin=1.0)
    default: throw OracleError.unexpectedEntry(name)
    }
  }

  /// The unreduced losses of the loss types that have them.
  private func unreduced(_ loss: any Loss, _ output: Tensor, _ target: LossTarget) -> [Double]? {
    switch loss {
    case let l as SoftmaxCrossEntropy: l.unreducedLosses(output, target)
    case let l as MeanSquaredError: l.unreducedLosses(output, target)
    case let l as BinaryCrossEntropyWithLogits: l.unreducedLosses(output, target)
    case let l as MultiClassHinge: l.unreducedLosses(output, target)
    default: nil
    }
  }

  /// Mean loss, gradient and per-sample losses (reduction='none') of one case.
  @Test(arguments: [
    "cross_entropy", "cross_entropy_label_smoothing_0.1", "cross_entropy_large_logits",
    "cross_entropy_large_logits_label_smoothing_0.1", "mse", "bce_with_logits",
    "bce_with_logits_large_logits", "multi_margin",
  ])
  func matchesPyTorch(name: String) throws {
    let entry = try #require(try LossOracle.load().losses.first { $0.name == name })
    let loss = try makeLoss(name)
    let output = entry.input.tensor
    let target = entry.target.lossTarget
    var gradient = Tensor(shape: [0])
    let value = loss.evaluate(output, target, gradient: &gradient)
    expectClose([value], [entry.loss], "\(name) loss")
    expectClose(gradient, entry.gradInput, "\(name) grad_input")
    if let perSample = entry.perSampleLoss {
      expectClose(try #require(unreduced(loss, output, target)), perSample, "\(name) per-sample")
    }
  }

  /// Every loss case of the file is listed above.
  @Test func everyCaseIsCovered() throws {
    let names = try LossOracle.load().losses.map(\.name)
    #expect(names.count == 8)
    for name in names { #expect(throws: Never.self) { try makeLoss(name) } }
  }

  /// l1 = λ·Σ|w| with grad λ·sign(w), sign(0) = 0; l2 = λ·Σw² with grad 2λ·w ("penalties").
  @Test(arguments: ["l1", "l2"])
  func penalty(name: String) throws {
    let entry = try #require(try LossOracle.load().penalties.first { $0.name == name })
    let weight = Parameter(
      name: "weight", value: Tensor(entry.weights.map { Float($0) }), isRegularized: true)
    let bias = Parameter(name: "bias", value: Tensor([0.5, -2]))  // not regularised
    bias.gradient = Tensor([1, 1])
    let penalty = name == "l1" ? l1Penalty : l2Penalty
    let value = penalty([weight, bias], entry.lambda)
    expectClose([value], [entry.value], "\(name) value")
    expectClose(weight.gradient.storage.map(Double.init), entry.grad, "\(name) grad")
    #expect(bias.gradient.storage == [1, 1])
  }

  /// `LossKind.makeLoss` builds each kind under its command-line name.
  @Test func lossKinds() {
    for kind in LossKind.allCases { #expect(kind.makeLoss().name == kind.rawValue) }
    let smoothed = LossKind.crossEntropy.makeLoss(labelSmoothing: 0.1) as? SoftmaxCrossEntropy
    #expect(smoothed?.labelSmoothing == 0.1)
  }
}
