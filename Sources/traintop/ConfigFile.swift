import Foundation
import TOMLKit

/// A config file's values by option name (TOML or JSON), checked against the known options.
struct ConfigFile {
  /// One value from the file.
  enum Value: Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
  }

  /// The option names a config file may use (the long flag names; `_` and `-` are interchangeable).
  static let keys: Set<String> = [
    "dataset", "train-images", "train-labels", "test-images", "test-labels", "label-column",
    "delimiter", "impute", "task", "scaling", "validation-fraction", "model", "activation",
    "dropout", "batchnorm", "initializer", "label-smoothing", "optimizer", "lr", "momentum",
    "beta1", "beta2", "weight-decay", "l1", "l2", "clip-norm", "clip-value", "batch-size",
    "epochs", "schedule", "warmup", "patience", "min-delta", "monitor", "restore-best", "on-nan",
    "seed", "threads", "runs-dir", "name", "headless", "jsonl", "step-size", "gamma", "min-lr",
    "restart-period", "restart-mult", "pct-start", "div", "div-final", "plateau-factor",
    "plateau-patience", "cooldown", "nan-limit", "rollback-factor",
  ]

  /// The file it came from.
  let path: String
  /// The values by normalised key.
  let values: [String: Value]

  /// An empty config.
  init() {
    path = ""
    values = [:]
  }

  /// Reads `path` as JSON (by extension `.json`) or TOML; unknown keys and bad values are errors.
  init(path: String) throws {
    self.path = path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(path: path, message: "cannot read the file")
    }
    let raw: [String: Any] =
      path.lowercased().hasSuffix(".json")
      ? try Self.parseJSON(data, path: path) : try Self.parseTOML(data, path: path)
    var values: [String: Value] = [:]
    for (key, value) in raw {
      let name = key.replacingOccurrences(of: "_", with: "-")
      guard Self.keys.contains(name) else {
        throw ConfigError(path: path, message: "unknown key '\(key)'")
      }
      values[name] = try Self.value(value, key: key, path: path)
    }
    self.values = values
  }

  private static func parseJSON(_ data: Data, path: String) throws -> [String: Any] {
    do {
      guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw ConfigError(path: path, message: "expected a JSON object at the top level")
      }
      return object
    } catch let error as ConfigError {
      throw error
    } catch {
      throw ConfigError(path: path, message: "invalid JSON: \(error.localizedDescription)")
    }
  }

  private static func parseTOML(_ data: Data, path: String) throws -> [String: Any] {
    do {
      let table = try TOMLTable(string: String(decoding: data, as: UTF8.self))
      var result: [String: Any] = [:]
      for (key, value) in table {
        if let s = value.string { result[key] = s }
        else if let i = value.int { result[key] = Double(i) }
        else if let d = value.double { result[key] = d }
        else if let b = value.bool { result[key] = b }
        else { throw ConfigError(path: path, message: "key '\(key)': expected a string, number or boolean") }
      }
      return result
    } catch let error as TOMLParseError {
      throw ConfigError(
        path: path, line: error.source.begin.line, message: "invalid TOML: \(error.description)")
    }
  }

  private static func value(_ any: Any, key: String, path: String) throws -> Value {
    if let b = any as? Bool, isBoolean(any) { return .bool(b) }
    if let n = any as? Double { return .number(n) }
    if let n = any as? Int { return .number(Double(n)) }
    if let s = any as? String { return .string(s) }
    throw ConfigError(path: path, message: "key '\(key)': expected a string, number or boolean")
  }

  /// True for JSON/TOML booleans (JSONSerialization may box them as NSNumber).
  private static func isBoolean(_ any: Any) -> Bool {
    if any is Bool && !(any is NSNumber) { return true }
    if let n = any as? NSNumber { return String(cString: n.objCType) == "c" }
    return false
  }

  /// The string value of `key`, if present (numbers are given as text).
  func string(_ key: String) throws -> String? {
    switch values[key] {
    case nil: return nil
    case .string(let s): return s
    case .number(let n): return n == n.rounded() ? String(Int(n)) : String(n)
    case .bool: throw ConfigError(path: path, message: "key '\(key)': expected a string, found a boolean")
    }
  }

  /// The numeric value of `key`, if present.
  func number(_ key: String) throws -> Double? {
    switch values[key] {
    case nil: return nil
    case .number(let n): return n
    case .string(let s):
      guard let n = Double(s) else {
        throw ConfigError(path: path, message: "key '\(key)': expected a number, found \"\(s)\"")
      }
      return n
    case .bool: throw ConfigError(path: path, message: "key '\(key)': expected a number, found a boolean")
    }
  }

  /// The integer value of `key`, if present.
  func integer(_ key: String) throws -> Int? {
    guard let n = try number(key) else { return nil }
    guard n == n.rounded(), abs(n) < 1e15 else {
      throw ConfigError(path: path, message: "key '\(key)': expected a whole number, found \(n)")
    }
    return Int(n)
  }

  /// The boolean value of `key`, if present.
  func bool(_ key: String) throws -> Bool? {
    switch values[key] {
    case nil: return nil
    case .bool(let b): return b
    default: throw ConfigError(path: path, message: "key '\(key)': expected true or false")
    }
  }
}

/// A config file problem, naming the file (and line when known).
struct ConfigError: Error, CustomStringConvertible {
  /// The file.
  let path: String
  /// The 1-based line, when known.
  var line: Int? = nil
  /// What was wrong.
  let message: String

  /// `file:line: message`.
  var description: String {
    if let line { return "\(path):\(line): \(message)" }
    return "\(path): \(message)"
  }
}
