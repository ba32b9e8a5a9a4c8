/// Why a prompt line was rejected; `message` is shown inline in red.
public enum PromptError: Error, Equatable, Sendable {
  /// Nothing was typed.
  case empty
  /// The first word is not a command; the closest command is suggested.
  case unknownCommand(String, suggestion: String?)
  /// The command needs a value.
  case missingArgument(PromptCommand)
  /// The command got more words than it takes (the first extra one).
  case extraArgument(PromptCommand, String)
  /// The value is out of range or not a number.
  case invalidValue(PromptCommand, expected: String, got: String)
  /// The optimizer or schedule name is unknown; the closest is suggested.
  case unknownName(PromptCommand, got: String, suggestion: String?)

  /// The one-line message, e.g. `lr: expected a positive number, got "abc"`.
  public var message: String {
    switch self {
    case .empty:
      return "empty command"
    case .unknownCommand(let word, let suggestion):
      return "unknown command " + PromptError.quoted(word) + PromptError.didYouMean(suggestion)
    case .missingArgument(let command):
      return "\(command.word): missing value; usage: \(command.usage)"
    case .extraArgument(let command, let word):
      return "\(command.word): unexpected argument \(PromptError.quoted(word)); usage: \(command.usage)"
    case .invalidValue(let command, let expected, let got):
      return "\(command.word): expected \(expected), got " + PromptError.quoted(got)
    case .unknownName(let command, let got, let suggestion):
      return "\(command.word): unknown \(command.word) " + PromptError.quoted(got) + PromptError.didYouMean(suggestion)
    }
  }

  /// What the user typed, in quotes: at most 24 characters (then `…`), and with invisible
  /// combining marks spelled out (`\u{301}`), so that `optimizer` with an accent on no letter
  /// does not read like `optimizer`.
  static func quoted(_ text: String) -> String {
    var shown = ""
    for scalar in text.unicodeScalars.prefix(24) {
      let combining =
        scalar.properties.generalCategory == .nonspacingMark
        || scalar.properties.generalCategory == .enclosingMark || scalar.properties.isDefaultIgnorableCodePoint
      shown += combining ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
    }
    return "\"" + shown + (text.unicodeScalars.count > 24 ? "…" : "") + "\""
  }

  /// `; did you mean "x"?`, or nothing without a suggestion.
  private static func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean \"\($0)\"?" } ?? ""
  }
}
