import NN
import Training

extension PromptCommand {
  /// Parses one prompt line, e.g. `lr 3e-4`, `optimizer adamw`, `clip off`, `save runs/a.safetensors`.
  ///
  /// - Returns: what the line asks for, or the precise reason it is rejected.
  public static func parse(_ line: String) -> Result<PromptAction, PromptError> {
    let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let word = words.first else { return .failure(.empty) }
    guard let command = PromptCommand(rawValue: word.lowercased()) else {
      return .failure(.unknownCommand(word, suggestion: closest(to: word, among: allCases.map(\.rawValue))))
    }
    if command == .save {
      // The path is the rest of the line, spaces included.
      let rest = line.drop { $0.isWhitespace }.dropFirst(word.count).drop { $0.isWhitespace }
      let path = String(rest.reversed().drop { $0.isWhitespace }.reversed())
      return .success(.trainer(.saveCheckpoint(path: path.isEmpty ? nil : path)))
    }
    return command.parse(arguments: Array(words.dropFirst()))
  }

  /// Parses the words after the command word.
  func parse(arguments: [String]) -> Result<PromptAction, PromptError> {
    if takesNoArgument {
      if let extra = arguments.first { return .failure(.extraArgument(self, extra)) }
      return .success(actionWithoutArgument())
    }
    var words = arguments
    // `lr * 0.5` is read as `lr *0.5`.
    if self == .lr, words.count >= 2, words[0] == "*" || words[0] == "/" {
      words = [words[0] + words[1]] + words.dropFirst(2)
    }
    guard let value = words.first else { return .failure(.missingArgument(self)) }
    if words.count > 1 { return .failure(.extraArgument(self, words[1])) }
    return parse(value: value)
  }

  /// The action of a command that takes no value.
  private func actionWithoutArgument() -> PromptAction {
    switch self {
    case .pause: .trainer(.pause)
    case .resume: .trainer(.resume)
    case .step: .trainer(.step)
    case .stop: .trainer(.stop(.manual))
    default: .showHelp
    }
  }

  /// Parses the single value of a command that takes one.
  private func parse(value: String) -> Result<PromptAction, PromptError> {
    switch self {
    case .lr: return parseLearningRate(value)
    case .momentum: return number(value, in: .unitInterval).map { .trainer(.setMomentum($0)) }
    case .beta1: return number(value, in: .unitInterval).map { .trainer(.setBeta1($0)) }
    case .beta2: return number(value, in: .unitInterval).map { .trainer(.setBeta2($0)) }
    case .wd: return number(value, in: .nonNegative).map { .trainer(.setWeightDecay($0)) }
    case .l1: return number(value, in: .nonNegative).map { .trainer(.setL1($0)) }
    case .l2: return number(value, in: .nonNegative).map { .trainer(.setL2($0)) }
    case .smoothing: return number(value, in: .smoothing).map { .setSmoothing($0) }
    case .optimizer: return name(value, as: OptimizerKind.self).map { .trainer(.setOptimizer($0)) }
    case .schedule: return name(value, as: ScheduleName.self).map { .trainer(.setSchedule($0)) }
    case .clip:
      if value.lowercased() == "off" { return .success(.trainer(.setGradientClip(nil))) }
      return number(value, in: .positive, expected: "a positive number or \"off\"").map { .trainer(.setGradientClip($0)) }
    case .patience:
      guard let epochs = Int(value), epochs >= 0 else {
        return .failure(.invalidValue(self, expected: "a whole number ≥ 0", got: value))
      }
      return .success(.trainer(.setPatience(epochs)))
    case .log:
      switch value.lowercased() {
      case "on": return .success(.setLogScale(true))
      case "off": return .success(.setLogScale(false))
      default: return .failure(.invalidValue(self, expected: "\"on\" or \"off\"", got: value))
      }
    default: return .success(actionWithoutArgument())
    }
  }

  /// `lr 3e-4` (absolute), `lr *0.5` (scale), `lr /2` (divide).
  private func parseLearningRate(_ value: String) -> Result<PromptAction, PromptError> {
    if let first = value.first, first == "*" || first == "/" {
      let operand = String(value.dropFirst())
      let expected = first == "*" ? "a positive factor after \"*\"" : "a positive divisor after \"/\""
      return number(operand, in: .positive, expected: expected).map {
        .trainer(.setLearningRate(.scale(first == "*" ? $0 : 1 / $0)))
      }
    }
    return number(value, in: .positive).map { .trainer(.setLearningRate(.absolute($0))) }
  }

  /// The allowed ranges of numeric values.
  enum ValueRange {
    /// (0, ∞).
    case positive
    /// [0, ∞).
    case nonNegative
    /// [0, 1).
    case unitInterval
    /// [0, 0.99].
    case smoothing

    /// How the range reads in an error.
    var expected: String {
      switch self {
      case .positive: "a positive number"
      case .nonNegative: "a number ≥ 0"
      case .unitInterval: "a number in [0, 1)"
      case .smoothing: "a number in [0, 0.99]"
      }
    }

    /// True when the finite `value` is in the range.
    func contains(_ value: Double) -> Bool {
      switch self {
      case .positive: value > 0
      case .nonNegative: value >= 0
      case .unitInterval: value >= 0 && value < 1
      case .smoothing: value >= 0 && value <= UIState.maximumSmoothing
      }
    }
  }

  /// Reads a finite number in `range`.
  private func number(_ text: String, in range: ValueRange, expected: String? = nil) -> Result<Double, PromptError> {
    guard let value = Double(text), value.isFinite, range.contains(value) else {
      return .failure(.invalidValue(self, expected: expected ?? range.expected, got: text))
    }
    return .success(value)
  }

  /// Reads an optimizer or schedule name (case-insensitive).
  private func name<Name: RawRepresentable & CaseIterable>(
    _ text: String, as type: Name.Type
  ) -> Result<Name, PromptError> where Name.RawValue == String {
    if let name = Name(rawValue: text.lowercased()) { return .success(name) }
    let names = Name.allCases.map(\.rawValue)
    return .failure(.unknownName(self, got: text, suggestion: PromptCommand.closest(to: text, among: names)))
  }
}
