import Tensor

// MARK: - Forward and backward passes

extension Sequential {
  /// Runs every layer and returns the output (logits for a spec-built model).
  ///
  /// The result shares the last activation buffer: it is valid until the next `forward`, and a
  /// caller must not keep it (holding it would force the next forward to copy instead of reuse).
  /// The input is held until the next `backward`, which needs it for the first layer's gradients.
  public func forward(_ input: Tensor, mode: LayerMode, rng: inout SeededGenerator) -> Tensor {
    precondition(input.columns == inputFeatures, "model expects \(inputFeatures) features, got \(input.shape)")
    // Only training needs the input later (backward); holding it in evaluation would make the
    // caller's next batch fill copy its buffer.
    lastInput = mode == .training ? input : Self.empty
    for index in layers.indices {
      let layerInput = index == 0 ? input : activations[index - 1]
      layers[index].forward(layerInput, into: &activations[index], mode: mode, rng: &rng)
    }
    return activations[activations.count - 1]
  }

  /// Back-propagates `lossGradient` (dL/d(output) of the last forward), overwriting every parameter gradient.
  ///
  /// The gradient with respect to the model's input is not computed.
  public func backward(lossGradient: Tensor) {
    precondition(lastInput.count > 0, "backward needs a forward first")
    let last = layers.count - 1
    precondition(
      lossGradient.count == activations[last].count,
      "loss gradient \(lossGradient.shape) for output \(activations[last].shape)")
    for index in stride(from: last, through: 0, by: -1) {
      let input = index == 0 ? lastInput : activations[index - 1]
      let output = activations[index]
      let gradOutput = index == last ? lossGradient : activationGradients[index + 1]
      layers[index].backward(
        input: input, output: output, gradOutput: gradOutput,
        gradInput: &activationGradients[index], computeInputGradient: index > 0)
    }
    lastInput = Self.empty  // let go of the caller's batch (no allocation: a shared empty tensor)
  }
}
