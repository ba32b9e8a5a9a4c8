/// The trials dashboard's `:` commands, parsed into requests (the search checks the values).
public enum SearchPrompt {
  /// A line the prompt cannot run, with what was expected.
  public struct Failure: Error, Equatable {
    public let message: String
  }

  /// The commands and what they do, for the help overlay and `:help`'s errors.
  public static let commands: [(usage: String, meaning: String)] = [
    ("space NAME SPEC", "sample NAME from SPEC from now on (as --vary: 1e-4..1e-2:log, 0..0.5, a,b,c)"),
    ("trials N | +N", "the search's new total, or N more trials"),
    ("parallel N", "how many trials train at once"),
    ("stop [N]", "stop trial N (default: the selected one); it counts with the epochs it trained"),
    ("promote [N]", "train trial N's parameters as a full run of its own"),
    ("open [N]", "show trial N's dashboard (Esc returns)"),
    ("pause | resume", "pause the running trials and start no new ones, or go on"),
    ("quit", "stop the search (--resume continues it) and quit"),
  ]

  /// `line` (without the colon) as a request; `selected` stands in for a missing trial number.
  public static func parse(_ line: String, selected: Int?) -> Result<SearchRequest, Failure> {
    let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let verb = words.first?.lowercased() else { return .failure(Failure(message: "empty command")) }
    let rest = Array(words.dropFirst())
    switch verb {
    case "space": return space(rest)
    case "trials": return trials(rest)
    case "parallel":
      guard rest.count == 1, let n = Int(rest[0]) else { return fail("parallel N (a whole number)") }
      return .success(.setParallel(n))
    case "stop": return trial(rest, selected: selected, usage: "stop [N]").map(SearchRequest.stop)
    case "promote": return trial(rest, selected: selected, usage: "promote [N]").map(SearchRequest.promote)
    case "open": return trial(rest, selected: selected, usage: "open [N]").map(SearchRequest.open)
    case "pause": return rest.isEmpty ? .success(.setPaused(true)) : fail("pause (no arguments)")
    case "resume": return rest.isEmpty ? .success(.setPaused(false)) : fail("resume (no arguments)")
    case "quit", "q": return .success(.quit)
    default:
      let names = commands.map { String($0.usage.prefix { $0 != " " }) }.joined(separator: ", ")
      return .failure(Failure(message: "unknown command '\(verb)' (commands: \(names))"))
    }
  }

  /// `space lr 1e-4..1e-2:log` or `space lr=1e-4..1e-2:log`.
  private static func space(_ words: [String]) -> Result<SearchRequest, Failure> {
    let joined = words.joined(separator: " ")
    if words.count == 1, let equals = joined.firstIndex(of: "=") {
      let name = String(joined[..<equals])
      let spec = String(joined[joined.index(after: equals)...])
      if !name.isEmpty && !spec.isEmpty { return .success(.changeSpace(name: name, spec: spec)) }
    }
    guard words.count == 2 else { return fail("space NAME SPEC, e.g. space lr 1e-4..1e-2:log") }
    return .success(.changeSpace(name: words[0], spec: words[1]))
  }

  /// `trials 40` (a new total) or `trials +10` (more).
  private static func trials(_ words: [String]) -> Result<SearchRequest, Failure> {
    guard words.count == 1 else { return fail("trials N (a new total) or trials +N (more)") }
    if words[0].hasPrefix("+") {
      guard let n = Int(words[0].dropFirst()), n > 0 else { return fail("trials +N with N a whole number above 0") }
      return .success(.addTrials(n))
    }
    guard let n = Int(words[0]), n > 0 else { return fail("trials N with N a whole number above 0") }
    return .success(.setTrials(n))
  }

  /// A trial number from the words, else the selected trial.
  private static func trial(_ words: [String], selected: Int?, usage: String) -> Result<Int, Failure> {
    if words.isEmpty, let selected { return .success(selected) }
    guard words.count == 1, let n = Int(words[0].drop { $0 == "#" }), n >= 0 else {
      return .failure(Failure(message: "expected \(usage) with N a trial number"))
    }
    return .success(n)
  }

  private static func fail(_ usage: String) -> Result<SearchRequest, Failure> {
    .failure(Failure(message: "expected \(usage)"))
  }
}
