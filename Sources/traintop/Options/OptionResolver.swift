import ArgumentParser
import Training

/// Reads each option from the command line, else the config file, and checks it against the
/// `OptionKey` table once, where it enters. Errors name the flag (or the file and key) and what
/// was expected; they exit 64.
struct OptionResolver {
  let commandLine: TrainOptions
  let config: ConfigFile

  /// The raw value of `key` and where it came from.
  private func lookup(_ key: OptionKey) -> (value: OptionValue, fromFile: Bool)? {
    if let value = commandLine.given(key) { return (value, false) }
    return config.values[key.name].map { ($0, true) }
  }

  /// An error naming the flag, or the config file and key.
  private func failure(_ key: OptionKey, fromFile: Bool, _ message: String) -> Error {
    fromFile
      ? ConfigError(path: config.path, message: "key '\(key.name)': \(message)")
      : ValidationError("\(key.flag): \(message)")
  }

  /// A number in the key's range.
  func number(_ key: OptionKey) throws -> Double? {
    guard let (value, fromFile) = lookup(key) else { return nil }
    let number: Double
    switch value {
    case .number(let n): number = n
    case .string(let s):
      guard let n = Double(s) else { throw failure(key, fromFile: fromFile, "expected a number, got \"\(s)\"") }
      number = n
    case .bool: throw failure(key, fromFile: fromFile, "expected a number, got a boolean")
    }
    if let range = key.range, let problem = range.violation(number) {
      throw failure(key, fromFile: fromFile, problem)
    }
    return number
  }

  /// A whole number in the key's range, converted without any chance of a trap.
  func integer(_ key: OptionKey) throws -> Int? {
    guard let number = try number(key) else { return nil }
    guard let range = key.range, range.isWhole, let whole = Int(exactly: number) else {
      throw failure(key, fromFile: lookup(key)?.fromFile ?? false, "expected a whole number, got \(number)")
    }
    return whole
  }

  /// Text (numbers in a config file are taken as written).
  func string(_ key: OptionKey) throws -> String? {
    guard let (value, fromFile) = lookup(key) else { return nil }
    switch value {
    case .string(let s): return s
    case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    case .bool: throw failure(key, fromFile: fromFile, "expected text, got a boolean")
    }
  }

  /// Whether `key` was given a value (a switch only when on).
  func isGiven(_ key: OptionKey) -> Bool {
    guard let (value, _) = lookup(key) else { return false }
    return value != .bool(false)
  }

  /// An on/off switch: on when given on the command line or true in the file.
  func isOn(_ key: OptionKey) throws -> Bool? {
    guard let (value, fromFile) = lookup(key) else { return nil }
    guard case .bool(let on) = value else { throw failure(key, fromFile: fromFile, "expected true or false") }
    return on
  }

  /// Text read by `parse`, which returns nil or throws a message when the text is not what `key` takes.
  func parsed<T>(_ key: OptionKey, _ parse: (String) throws(OptionProblem) -> T) throws -> T? {
    guard let text = try string(key) else { return nil }
    do { return try parse(text) } catch { throw failure(key, fromFile: lookup(key)?.fromFile ?? false, error.message) }
  }

  /// One of a choice option's names.
  func choice<T: ExpressibleByArgument & CaseIterable & RawRepresentable>(_ key: OptionKey, as type: T.Type) throws
    -> T? where T.RawValue == String
  {
    guard let text = try string(key) else { return nil }
    if let value = T(argument: text) ?? T(argument: text.lowercased()) { return value }
    let names = T.allCases.map(\.rawValue).joined(separator: ", ")
    throw failure(key, fromFile: lookup(key)?.fromFile ?? false, "expected \(names), got '\(text)'")
  }
}

/// Why an option's text could not be read, for `OptionResolver.parsed`.
struct OptionProblem: Error {
  let message: String
}
