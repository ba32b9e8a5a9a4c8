import NN
import Training

extension PromptCommand {
  /// Parses one prompt line, e.g. `lr 3e-4`, `optimizer adamw`, `clip off`, `save runs/a.safetensors`.
  ///
  /// - Returns: what the line asks for, or the precise reason it is rejected.
  public static func parse(_ line: String) -> Result<PromptAction, PromptError> {
    let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let word = words.first else { return .failure(.empty) }
    guard let command = PromptCommand(word: word.lowercased()) else {
      return .failure(.unknownCommand(word, suggestion: closest(to: word, among: allCases.map(\.word))))
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
    if self == .run, arguments.isEmpty { return .success(.trainer(.resume)) }
    if self == .goto { return parseCursor(arguments) }
    if self == .fork { return parseFork(arguments) }
    var words = arguments
    // `lr * 0.5` is read as `lr *0.5`, `until val_loss < 0.1` as `until val_loss<0.1`.
    if self == .until { words = [words.joined()] }
    if self == .setting(.learningRate), words.count >= 2, words[0] == "*" || words[0] == "/" {
      words = [words[0] + words[1]] + words.dropFirst(2)
    }
    guard let value = words.first else { return .failure(.missingArgument(self)) }
    if words.count > 1 { return .failure(.extraArgument(self, words[1])) }
    return parse(value: value)
  }

  /// `fork lr 3e-4`: the change, as the prompt would parse it alone; only settings, the optimizer,
  /// the schedule, epochs, dropout and batch size can differ between the two runs.
  private func parseFork(_ words: [String]) -> Result<PromptAction, PromptError> {
    let expected = "a change such as lr 3e-4, optimizer sgd, wd 1e-4, dropout 0.2"
    guard !words.isEmpty else { return .failure(.missingArgument(self)) }
    switch PromptCommand.parse(words.joined(separator: " ")) {
    case .success(.trainer(let change)) where change.isForkable: return .success(.fork(change))
    case .failure(let error): return .failure(error)
    default: return .failure(.invalidValue(self, expected: expected, got: words.joined(separator: " ")))
    }
  }

  /// `goto 1200`, `goto step 1200`, `goto epoch 3`, `goto start`, `goto end`.
  private func parseCursor(_ words: [String]) -> Result<PromptAction, PromptError> {
    let expected = "a step, step <N>, epoch <N>, start or end"
    func whole(_ text: String) -> Int? { Int(text).flatMap { $0 >= 0 ? $0 : nil } }
    let lower = words.map { $0.lowercased() }
    guard let first = lower.first else { return .failure(.missingArgument(self)) }
    let number = lower.count == 2 ? whole(lower[1]) : nil
    switch (first, lower.count) {
    case ("end", 1): return .success(.setCursor(.end))
    case ("start", 1): return .success(.setCursor(.step(0)))
    case (_, 1) where whole(first) != nil: return .success(.setCursor(.step(whole(first) ?? 0)))
    case ("step", 2) where number != nil: return .success(.setCursor(.step(number ?? 0)))
    case ("epoch", 2) where (number ?? 0) > 0: return .success(.setCursor(.epoch(number ?? 1)))
    default: return .failure(.invalidValue(self, expected: expected, got: words.joined(separator: " ")))
    }
  }

  /// The action of a command that takes no value.
  private func actionWithoutArgument() -> PromptAction {
    switch self {
    case .pause: .trainer(.pause)
    case .resume: .trainer(.resume)
    case .step: .trainer(.step)
    case .stop: .trainer(.stop(.manual))
    case .undo: .trainer(.undo)
    case .lrFind: .trainer(.findLearningRate)
    default: .showHelp
    }
  }

  /// Parses the single value of a command that takes one.
  private func parse(value: String) -> Result<PromptAction, PromptError> {
    switch self {
    case .setting(.learningRate): return parseLearningRate(value)
    case .setting(let knob): return parseSetting(knob, value)
    case .smoothing: return number(value, in: PromptCommand.smoothingRange).map { .setSmoothing($0) }
    case .optimizer: return name(value, as: OptimizerKind.self).map { .trainer(.setOptimizer($0)) }
    case .schedule: return name(value, as: ScheduleName.self).map { .trainer(.setSchedule($0)) }
    case .goto: return parseCursor([value])
    case .fork: return parseFork([value])
    case .keep:
      let name = value.uppercased()
      guard name.count == 1, let letter = name.first, letter.isLetter else {
        return .failure(.invalidValue(self, expected: "a run's letter, e.g. B", got: value))
      }
      return .success(.keep(name))
    case .log:
      switch value.lowercased() {
      case "on": return .success(.setLogScale(true))
      case "off": return .success(.setLogScale(false))
      default: return .failure(.invalidValue(self, expected: "\"on\" or \"off\"", got: value))
      }
    case .run: return parseBudget(value)
    case .epochs:
      guard let count = Int(value), count >= 1, count <= 10_000_000 else {
        return .failure(.invalidValue(self, expected: "a whole number of epochs in 1…10000000", got: value))
      }
      return .success(.trainer(.setEpochs(count)))
    case .dropout:
      return number(value, in: .unitInterval).map { .trainer(.setDropout($0)) }
    case .batch:
      guard let size = Int(value), (1...(1 << 20)).contains(size) else {
        return .failure(.invalidValue(self, expected: "a whole batch size in 1…1048576", got: value))
      }
      return .success(.trainer(.setBatchSize(size)))
    case .until: return parseCondition(value)
    case .save, .pause, .resume, .step, .stop, .undo, .lrFind, .help: return .success(actionWithoutArgument())
    }
  }

  /// `100` steps, `2e` epochs (1…10^9).
  private func parseBudget(_ value: String) -> Result<PromptAction, PromptError> {
    let epochs = value.lowercased().hasSuffix("e")
    let digits = epochs ? String(value.dropLast()) : value
    guard let count = Int(digits), count >= 1, count <= 1_000_000_000 else {
      return .failure(.invalidValue(self, expected: "a step count like 100 or epochs like 2e", got: value))
    }
    return .success(.trainer(.run(epochs ? .epochs(count) : .steps(count))))
  }

  /// `val_accuracy>0.98`, `val_loss<0.05`, or `off`.
  private func parseCondition(_ value: String) -> Result<PromptAction, PromptError> {
    if value.lowercased() == "off" { return .success(.trainer(.pauseWhen(nil))) }
    let expected = "<metric>><value> or <metric><<value>, e.g. val_accuracy>0.98, or off"
    guard let split = value.firstIndex(where: { $0 == ">" || $0 == "<" }) else {
      return .failure(.invalidValue(self, expected: expected, got: value))
    }
    let name = String(value[..<split]).lowercased()
    guard let monitor = EarlyStoppingMonitor(rawValue: name) else {
      let names = EarlyStoppingMonitor.allCases.map(\.rawValue)
      return .failure(.unknownName(self, got: name, suggestion: PromptCommand.closest(to: name, among: names)))
    }
    guard let number = Double(value[value.index(after: split)...]), number.isFinite else {
      return .failure(.invalidValue(self, expected: expected, got: value))
    }
    return .success(.trainer(.pauseWhen(PauseCondition(monitor: monitor, above: value[split] == ">", value: number))))
  }

  /// A hyper-parameter's value, checked against the table's range (`off` where allowed).
  private func parseSetting(_ knob: Hyperparameter, _ value: String) -> Result<PromptAction, PromptError> {
    if knob.canBeOff, value.lowercased() == "off" { return .success(.trainer(.set(knob, nil))) }
    let expected = knob.range.expected + (knob.canBeOff ? " or \"off\"" : "")
    return number(value, in: knob.range, expected: expected).map { .trainer(.set(knob, $0)) }
  }

  /// `lr 3e-4` (absolute), `lr *0.5` (scale), `lr /2` (divide).
  private func parseLearningRate(_ value: String) -> Result<PromptAction, PromptError> {
    if let first = value.first, first == "*" || first == "/" {
      let operand = String(value.dropFirst())
      let expected = first == "*" ? "a positive factor after \"*\"" : "a positive divisor after \"/\""
      return number(operand, in: .positive, expected: expected).map {
        .trainer(.scaleLearningRate(first == "*" ? $0 : 1 / $0))
      }
    }
    return number(value, in: Hyperparameter.learningRate.range).map { .trainer(.set(.learningRate, $0)) }
  }

  /// The smoothing weight's range (a view setting, not a hyper-parameter).
  static let smoothingRange = ValueRange.closed(0, UIState.maximumSmoothing)

  /// Reads a finite number in `range`.
  private func number(_ text: String, in range: ValueRange, expected: String? = nil) -> Result<Double, PromptError> {
    guard let value = Double(text), range.contains(value) else {
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
