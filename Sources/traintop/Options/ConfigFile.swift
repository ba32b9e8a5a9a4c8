import Foundation
import Training

/// A config file's values by option name (TOML or JSON), checked against the known options.
struct ConfigFile {
  /// The file it came from.
  let path: String
  /// The values by normalised key.
  let values: [String: OptionValue]
  /// The `[[change]]` tables (`ChangeTable`), in step order; nil when there are none.
  let changes: ReplayScript?

  /// An empty config.
  init() {
    path = ""
    values = [:]
    changes = nil
  }

  /// Reads `path` as JSON (by extension `.json`) or TOML; unknown keys and bad values are errors.
  init(path: String) throws {
    try self.init(path: path, raw: Self.read(path))
  }

  /// Values already checked (a search trial's: the fixed options and its sampled parameters);
  /// `origin` names them in messages.
  init(origin: String, values: [String: OptionValue]) {
    path = origin
    self.values = values
    changes = nil
  }

  /// The file's keys and values as parsed, before they are checked (a search file holds more keys).
  static func read(_ path: String) throws -> [String: Any] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(path: path, message: "cannot read the file")
    }
    return try parse(data, path: path)
  }

  /// `data` as the file `path` holds it: JSON for a `.json` name, else TOML.
  static func parse(_ data: Data, path: String) throws -> [String: Any] {
    path.lowercased().hasSuffix(".json") ? try Self.parseJSON(data, path: path) : try Self.parseTOML(data, path: path)
  }

  /// The options in `raw` (read from `path`); unknown keys and bad values are errors.
  init(path: String, raw parsed: [String: Any]) throws {
    self.path = path
    var raw = parsed
    try Self.joinLayerTables(&raw, path: path)
    changes = try Self.changeTables(&raw, path: path)
    var values: [String: OptionValue] = [:]
    for (key, value) in raw {
      guard let option = OptionKey(name: key) else {
        throw ConfigError(path: path, message: "unknown key '\(key)'")
      }
      values[option.name] = try Self.value(value, key: key, path: path)
    }
    self.values = values
  }

  /// Replaces layer tables (TOML `[[model.layers]]`, JSON `"model": {"layers": […]}`) with the
  /// `model` text they spell, `conv16k3p1-relu-…`; a problem names the table's line (TOML) or number.
  private static func joinLayerTables(_ raw: inout [String: Any], path: String) throws {
    let tables: [TOMLReader.Table]
    if let toml = raw.removeValue(forKey: TOMLReader.layersKey) as? [TOMLReader.Table] {
      guard raw["model"] == nil else {
        throw ConfigError(
          path: path, line: toml[0].line,
          message: "give the model as model = \"…\" or as [[model.layers]] tables, not both")
      }
      tables = toml
    } else if let model = raw["model"] as? [String: Any] {
      guard model.count == 1, let list = model["layers"] as? [[String: Any]] else {
        throw ConfigError(path: path, message: "key 'model': expected a string or {\"layers\": [{\"type\": …}, …]}")
      }
      tables = list.map { TOMLReader.Table(line: 0, values: $0) }
    } else {
      return
    }
    var tokens: [String] = []
    for (number, table) in tables.enumerated() {
      do {
        tokens.append(try LayerTable.token(table.values))
      } catch {
        let place = table.line > 0 ? "layer table" : "layer \(number + 1)"
        throw ConfigError(path: path, line: table.line > 0 ? table.line : nil, message: "\(place): \(error.message)")
      }
    }
    guard !tokens.isEmpty else { throw ConfigError(path: path, message: "key 'model': no layers") }
    raw["model"] = tokens.joined(separator: "-")
  }

  /// Takes out the change tables (TOML `[[change]]`, JSON `"change": [{…}, …]`) as a script; a
  /// problem names the table's line (TOML) or number (JSON).
  private static func changeTables(_ raw: inout [String: Any], path: String) throws -> ReplayScript? {
    guard let found = raw.removeValue(forKey: TOMLReader.changesKey) else { return nil }
    let tables: [TOMLReader.Table]
    if let toml = found as? [TOMLReader.Table] {
      tables = toml
    } else if let list = found as? [[String: Any]] {
      tables = list.map { TOMLReader.Table(line: 0, values: $0) }
    } else {
      throw ConfigError(path: path, message: "key 'change': expected a list of {\"step\": N, \"lr\": …} objects")
    }
    var changes: [(step: Int, command: TrainerCommand)] = []
    for (number, table) in tables.enumerated() {
      do {
        changes.append(try ChangeTable.change(table.values))
      } catch {
        let place = table.line > 0 ? "change table" : "change \(number + 1)"
        throw ConfigError(path: path, line: table.line > 0 ? table.line : nil, message: "\(place): \(error.message)")
      }
    }
    // Stable: changes at the same step keep the file's order.
    let ordered = changes.enumerated().sorted { ($0.element.step, $0.offset) < ($1.element.step, $1.offset) }
    return ReplayScript(changes: ordered.map(\.element), source: .config)
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
      return try TOMLReader.parse(String(decoding: data, as: UTF8.self))
    } catch {
      throw ConfigError(path: path, line: error.line, message: error.message)
    }
  }

  private static func value(_ any: Any, key: String, path: String) throws -> OptionValue {
    if let b = any as? Bool, isBoolean(any) { return .bool(b) }
    if let n = any as? Double { return .number(n) }
    if let n = any as? Int { return .number(Double(n)) }
    if let s = any as? String { return .string(s) }
    throw ConfigError(path: path, message: "key '\(key)': expected a string, number or boolean")
  }

  /// True for JSON/TOML booleans (JSONSerialization may box them as NSNumber).
  static func isBoolean(_ any: Any) -> Bool {
    if any is Bool && !(any is NSNumber) { return true }
    if let n = any as? NSNumber { return String(cString: n.objCType) == "c" }
    return false
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
