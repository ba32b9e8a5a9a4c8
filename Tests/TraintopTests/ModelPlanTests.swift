import ArgumentParser
import Datasets
import NN
import TestSupport
import Testing

@testable import traintop

/// `--model` on real data: named models and layer stacks adapt to the data's image shape and
/// classes; what does not fit is a usage error (exit 64) naming the layer.
@Suite struct ModelPlanTests {
  /// The plan for `arguments`, completed with its data.
  private func plan(_ arguments: [String]) throws -> RunPlan {
    var plan = try RunPlan(options: TrainOptions.parse(arguments), config: ConfigFile())
    let data = try DatasetLoader.load(plan.dataset, datasetsDirectory: Fixtures.datasets)
    try plan.complete(for: data)
    return plan
  }

  private func message(_ arguments: [String]) -> String? {
    do {
      _ = try plan(arguments)
      return nil
    } catch let error as ValidationError {
      return error.message
    } catch {
      return "\(error)"
    }
  }

  /// digits are 1×8×8 images with 10 classes: cnn-small gets that input and a dense10 head.
  @Test func namedModelAdaptsToTheData() throws {
    let model = try plan(["digits", "--model", "cnn-small"]).trainer.model
    #expect(model.inputShape == [1, 8, 8])
    #expect(model.layers?.last == .dense(10))
    #expect(model.outputFeatures == 10)
    // 160 + 4,640 + (32·2·2)·10 + 10
    #expect(try model.parameterCount() == 160 + 4_640 + 1_290)
  }

  @Test func bareDenseTakesTheClassCount() throws {
    let model = try plan(["iris", "--input-shape", "1x2x2", "--model", "conv4k2-relu-flatten-dense"]).trainer.model
    #expect(model.layers?.last == .dense(3))
    #expect(model.inputShape == [1, 2, 2])
  }

  @Test func mlpStaysOneFlagAway() throws {
    let model = try plan(["digits", "--model", "mlp"]).trainer.model
    #expect(model.layers == nil && model.sizes == [64, 256, 10])
  }

  @Test(arguments: [
    (
      ["iris", "--model", "cnn-small"],
      "--model: conv16k3p1 needs an image input [channels, height, width], has 4 features at the input (layer 1); "
        + "image data or --input-shape gives one (iris)"
    ),
    (
      ["digits", "--model", "lenet5"],
      "--model: conv16k5 needs at least 5×5 input, has 4×4 after maxpool2 (layer 4) (digits)"
    ),
    (
      ["digits", "--model", "conv8k3-relu-flatten-dense3"],
      "--model conv8k3-relu-flatten-dense3: digits needs 64 inputs and 10 outputs, "
        + "e.g. end with dense10, or a bare dense"
    ),
    (
      ["iris", "--model", "dense-relu-dense"],
      "--model dense-relu-dense: only the last layer may be a bare dense (layer 1)"
    ),
    (
      ["digits", "--input-shape", "1x4x4"],
      "\(Fixtures.datasets.path)/digits/digits.csv: image shape 4x4 needs 16 features per row, the file has 64"
    ),
  ])
  func modelsThatDoNotFitAreNamed(arguments: [String], expected: String) {
    #expect(message(arguments) == expected)
  }

  /// 8,192 filters on 28×28 images for a batch of 128: 822M values in one layer's output.
  @Test func hugeActivationsAreRefused() {
    #expect(
      message(["--model", "conv8192k1-flatten-dense"])
        == "--model: a layer's output holds 822083584 values for a batch of 128, over the limit of 536870912 (mnist)")
  }

  @Test func mlpOptionsWithALayerStackAreRejected() {
    #expect(
      message(["--dropout", "0.2"])
        == "--dropout applies to an MLP given by sizes, and the default model here is cnn-small: "
        + "add --model mlp, or write relu, bn or dropout<rate> into the layers")
  }

  @Test(arguments: [("1x8x8", 8), ("8x8", 8), ("1X28X28", 28)])
  func inputShapes(text: String, side: Int) throws {
    #expect(try RunPlan.imageShape(text) == ImageShape(height: side, width: side))
  }

  /// A colour image: `CxHxW`, as PyTorch orders an image's values.
  @Test func colourInputShape() throws {
    #expect(try RunPlan.imageShape("3x32x16") == ImageShape(height: 32, width: 16, channels: 3))
    // iris's 4 features read as a 4-channel 1×1 image.
    let model = try plan(["iris", "--input-shape", "4x1x1", "--model", "conv2k1-relu-flatten-dense"]).trainer.model
    #expect(model.inputShape == [4, 1, 1])
    // conv2k1 on 4 channels: 2·4 weights + 2 biases; dense 2→3: 6 + 3.
    #expect(try model.parameterCount() == 10 + 9)
  }

  @Test(arguments: ["8", "0x8", "1x8x8x1", "axb", "3x8x0"])
  func badInputShapes(text: String) {
    #expect(throws: ValidationError.self) { try RunPlan.imageShape(text) }
  }
}
