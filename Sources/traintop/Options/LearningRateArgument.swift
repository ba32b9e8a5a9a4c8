import ArgumentParser

/// `--lr`: a rate, or `auto` (run the LR range test first and use its valley suggestion).
enum LearningRateArgument: ExpressibleByArgument, Equatable {
  case rate(Double)
  case auto

  init?(argument: String) {
    if argument.lowercased() == "auto" {
      self = .auto
    } else if let value = Double(argument) {
      self = .rate(value)
    } else {
      return nil
    }
  }

  /// The value as the option resolver reads it (a number, or the text `auto`).
  var optionValue: OptionValue {
    switch self {
    case .rate(let value): .number(value)
    case .auto: .string("auto")
    }
  }
}
