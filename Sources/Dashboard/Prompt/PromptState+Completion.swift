extension PromptState {
  /// Tab: completes the command word, or the optimizer/schedule/`on|off` word after it.
  ///
  /// A unique match is completed (a command that takes a value gets a trailing space); several
  /// matches extend the line to their common prefix and list them in `hint`.
  mutating func complete() {
    let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    if words.count == 1 {
      let names = PromptCommand.allCases.map(\.word)
      completeWord(words[0], prefix: "", candidates: names) { name in
        PromptCommand(word: name).map { $0.takesNoArgument ? "" : " " } ?? ""
      }
    } else if words.count == 2, let command = PromptCommand(word: words[0].lowercased()),
      !command.completions.isEmpty
    {
      completeWord(words[1], prefix: words[0] + " ", candidates: command.completions) { _ in "" }
    }
  }

  /// Completes `word` from `candidates`, keeping `prefix` before it.
  private mutating func completeWord(
    _ word: String, prefix: String, candidates: [String], suffix: (String) -> String
  ) {
    let lowered = word.lowercased()
    let matches = candidates.filter { $0.hasPrefix(lowered) }
    guard let first = matches.first else {
      hint = "no match for \"\(word)\""
      return
    }
    if matches.count == 1 {
      setText(prefix + first + suffix(first))
      return
    }
    let common = matches.dropFirst().reduce(first) { String(zip($0, $1).prefix { $0.0 == $0.1 }.map(\.0)) }
    setText(prefix + (common.count > lowered.count ? common : lowered))
    hint = matches.joined(separator: " ")
  }
}
