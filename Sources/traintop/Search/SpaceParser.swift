import Foundation
import Search
import Training

/// Reads a searched option's distribution, from `--vary` text or a search file's `[space]` table,
/// and writes it back as `--vary` text (search.json keeps that spelling).
///
/// `--vary NAME=LOW..HIGH` (uniform), `NAME=LOW..HIGH:log` (log-uniform), `:N` after either (a grid's
/// point count), `NAME=a,b,c` (choice). A table: `{ uniform = [LOW, HIGH] }`, `{ log-uniform =
/// [LOW, HIGH] }` or `{ choice = [a, b, c] }`, with `points = N` for a grid. Whole-number options
/// (batch-size, epochs, …) are searched over whole numbers.
enum SpaceParser {
  /// Options that name where a run goes or how it is shown, not how it trains: never searched.
  static let unsearchable: Set<OptionKey> = [
    .runsDir, .name, .resume, .headless, .jsonl, .color, .theme, .noMouse, .replay, .compare, .folds, .from,
    .fromOptimizer, .resetHead, .dataset, .trainImages, .trainLabels, .testImages, .testLabels,
  ]

  /// `NAME=SPEC` from `--vary`.
  static func vary(_ text: String) throws(SearchSpaceError) -> (OptionKey, Distribution) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      throw SearchSpaceError(parameter: text, message: "expected NAME=LOW..HIGH[:log][:N] or NAME=a,b,c")
    }
    let key = try option(parts[0].trimmingCharacters(in: .whitespaces))
    return (key, try distribution(parts[1], for: key))
  }

  /// The option a space names, if it may be searched.
  static func option(_ name: String) throws(SearchSpaceError) -> OptionKey {
    guard let key = OptionKey(name: name) else {
      throw SearchSpaceError(parameter: name, message: "not a train option (see traintop train --help)")
    }
    guard !unsearchable.contains(key) else {
      throw SearchSpaceError(parameter: key.name, message: "says where or how a run is shown, not how it trains")
    }
    return key
  }

  /// A `--vary` spec (`1e-4..1e-1:log:4`, `a,b,c`) for `key`.
  static func distribution(_ spec: String, for key: OptionKey) throws(SearchSpaceError) -> Distribution {
    let text = spec.trimmingCharacters(in: .whitespaces)
    guard text.contains("..") else {
      let values = text.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard values.count >= 2, !values.contains(where: \.isEmpty) else {
        throw SearchSpaceError(
          parameter: key.name, message: "expected LOW..HIGH[:log][:N] or at least two choices a,b, got '\(spec)'")
      }
      return try checked(.choice(values.map { choiceValue($0, for: key) }), for: key)
    }
    var pieces = text.split(separator: ":").map(String.init)
    let bounds = pieces.removeFirst().components(separatedBy: "..")
    guard bounds.count == 2, let low = Double(bounds[0]), let high = Double(bounds[1]) else {
      throw SearchSpaceError(parameter: key.name, message: "expected LOW..HIGH with two numbers, got '\(spec)'")
    }
    var log = false
    var points: Int?
    for piece in pieces {
      if piece == "log" && !log && points == nil {
        log = true
      } else if let n = Int(piece), points == nil {
        points = n
      } else {
        throw SearchSpaceError(parameter: key.name, message: "expected :log and/or :N after the range, got ':\(piece)'")
      }
    }
    return try range(low: low, high: high, log: log, points: points, for: key)
  }

  /// A `[space]` entry: `{ uniform = [LOW, HIGH] }`, `{ log-uniform = … }`, `{ choice = […] }`, optional `points`.
  static func distribution(table: Any, for key: OptionKey) throws(SearchSpaceError) -> Distribution {
    guard let table = table as? [String: Any] else {
      throw SearchSpaceError(
        parameter: key.name, message: "expected a table such as { log-uniform = [1e-4, 1e-1] } or { choice = [a, b] }")
    }
    let kinds = table.keys.filter { $0 != "points" }.map { $0.replacingOccurrences(of: "_", with: "-") }
    guard kinds.count == 1, let kind = kinds.first, let raw = table.first(where: { $0.key != "points" })?.value else {
      throw SearchSpaceError(parameter: key.name, message: "give exactly one of uniform, log-uniform or choice")
    }
    let points = try table["points"].map { (value: Any) throws(SearchSpaceError) -> Int in
      guard let n = value as? Double, let whole = Int(exactly: n) else {
        throw SearchSpaceError(parameter: key.name, message: "points: expected a whole number")
      }
      return whole
    }
    guard let list = raw as? [Any] else {
      throw SearchSpaceError(parameter: key.name, message: "\(kind): expected a list [ … ]")
    }
    switch kind {
    case "uniform", "log-uniform", "loguniform":
      guard list.count == 2, let low = list[0] as? Double, let high = list[1] as? Double else {
        throw SearchSpaceError(parameter: key.name, message: "\(kind): expected [LOW, HIGH] with two numbers")
      }
      return try range(low: low, high: high, log: kind != "uniform", points: points, for: key)
    case "choice":
      guard points == nil else {
        throw SearchSpaceError(parameter: key.name, message: "points applies to a range, not to choices")
      }
      let values = list.map { item -> String in
        if ConfigFile.isBoolean(item), let b = item as? Bool { return b ? "true" : "false" }
        if let n = item as? Double { return ParameterValue.number(n).description }
        return "\(item)"
      }
      return try checked(.choice(values.map { choiceValue($0, for: key) }), for: key)
    default:
      throw SearchSpaceError(
        parameter: key.name, message: "unknown distribution '\(kind)' (uniform, log-uniform, choice)")
    }
  }

  private static func range(low: Double, high: Double, log: Bool, points: Int?, for key: OptionKey)
    throws(SearchSpaceError) -> Distribution
  {
    guard let valid = key.range else {
      throw SearchSpaceError(
        parameter: key.name, message: "takes no number, so it cannot have a range; give choices (a,b,c)")
    }
    for bound in [low, high] {
      if let problem = valid.violation(bound) {
        throw SearchSpaceError(parameter: key.name, message: "the bound \(bound) is out of range: \(problem)")
      }
    }
    return try checked(.range(low: low, high: high, log: log, integer: valid.isWhole, points: points), for: key)
  }

  private static func checked(_ distribution: Distribution, for key: OptionKey) throws(SearchSpaceError)
    -> Distribution
  {
    if let problem = distribution.problem { throw SearchSpaceError(parameter: key.name, message: problem) }
    return distribution
  }

  /// A choice as written: a number for a numeric option (or one that reads as a number), else a word.
  private static func choiceValue(_ text: String, for key: OptionKey) -> ParameterValue {
    if key.range != nil, let x = Double(text) { return .number(x) }
    return .text(text)
  }

  /// The `--vary` spec of `distribution` (what search.json stores and `:space` shows).
  static func text(_ distribution: Distribution) -> String {
    switch distribution {
    case .choice(let values): return values.map(\.description).joined(separator: ",")
    case .range(let low, let high, let log, _, let points):
      return "\(ParameterValue.number(low))..\(ParameterValue.number(high))" + (log ? ":log" : "")
        + (points.map { ":\($0)" } ?? "")
    }
  }

  /// A sampled value as a config value for `key` (switches take true/false).
  static func optionValue(_ value: ParameterValue, for key: OptionKey) -> OptionValue {
    switch value {
    case .number(let x): return .number(x)
    case .text(let word): return key.isSwitch ? .bool(word.lowercased() == "true") : .string(word)
    }
  }
}
