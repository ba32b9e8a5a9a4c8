/// Architectures by name, as torchvision names its models: `--model cnn-small`.
///
/// Each adapts to the data: its input takes the dataset's image shape and its last `dense` has
/// as many outputs as the data has classes. `mlp` is the sizes form with the dataset's default
/// hidden layers.
public enum NamedModel: String, CaseIterable, Sendable {
  /// The multi-layer perceptron: the dataset's default hidden sizes.
  case mlp
  /// Two 3×3 convolutions (16 and 32 filters) with max pooling, then one dense layer; the
  /// PyTorch peer of the benchmark.
  case cnnSmall = "cnn-small"
  /// LeNet-5 as PyTorch tutorials write it for 28×28 digits: 6 and 16 filters of 5×5, then
  /// dense 120 and 84 (ReLU and max pooling in place of the original tanh and subsampling).
  case lenet5
  /// A small VGG-style net: pairs of 3×3 convolutions with batch norm, max pooling and dropout.
  case vggBn = "vgg-bn"

  /// The layers, ending in a bare `dense` (the data's outputs); `nil` for `mlp`.
  public var layers: [LayerSpec]? {
    guard let text else { return nil }
    do { return try ModelSpec.parseLayers(text) } catch { preconditionFailure("\(self): \(error)") }
  }

  /// The layers in the model language.
  public var text: String? {
    switch self {
    case .mlp: nil
    case .cnnSmall: "conv16k3p1-relu-maxpool2-conv32k3p1-relu-maxpool2-flatten-dense"
    case .lenet5: "conv6k5p2-relu-maxpool2-conv16k5-relu-maxpool2-flatten-dense120-relu-dense84-relu-dense"
    case .vggBn:
      "conv16k3p1-bn-relu-conv16k3p1-bn-relu-maxpool2-dropout0.25-"
        + "conv32k3p1-bn-relu-conv32k3p1-bn-relu-maxpool2-dropout0.25-flatten-dense128-bn-relu-dropout0.5-dense"
    }
  }
}
