import ArgumentParser
import Datasets
import NN
import Tensor

/// `traintop models`: the named models, their layers and parameter counts for an input shape.
struct ModelsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "models",
    abstract: "List the named models (--model NAME) with their layers and parameter counts.")

  @Option(help: "The images the counts are for, CxHxW or HxW (default: MNIST's 1x28x28).")
  var inputShape = "1x28x28"

  @Option(help: "The number of classes (default: 10).")
  var classes = 10

  func run() throws {
    let image = try RunPlan.imageShape(inputShape)
    guard (1...DatasetLimits.maximumClasses).contains(classes) else {
      throw ValidationError("--classes \(classes): expected 1…\(DatasetLimits.maximumClasses)")
    }
    let input = [image.channels, image.height, image.width]
    for named in NamedModel.allCases {
      print(Self.listing(named, input: input, classes: classes))
      print()
    }
  }

  /// The model's name and description, then one line per layer (or why it does not fit).
  static func listing(_ named: NamedModel, input: [Int], classes: Int) -> String {
    var spec: ModelSpec
    if var layers = named.layers {
      layers[layers.count - 1] = .dense(classes)
      spec = ModelSpec(layers: layers, inputShape: input)
    } else {
      spec = ModelSpec(sizes: [input.reduce(1, *), 256, 128, classes])
    }
    let title = "\(named.rawValue): \(named.text ?? "layer sizes (mnist: 784-256-128-10), --activation, --dropout")"
    do {
      try spec.validate()
    } catch {
      return title + "\n  does not fit \(input.map(String.init).joined(separator: "×")): \(error)"
    }
    var rng = SeededGenerator(seed: 0)
    let model = Sequential(spec: spec, rng: &rng)
    let lines = model.summary.split(separator: "\n").map { "  " + $0 }
    return ([title] + lines).joined(separator: "\n")
  }
}
