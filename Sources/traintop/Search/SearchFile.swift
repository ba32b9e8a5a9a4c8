import Foundation
import Search

/// A TOML or JSON file given to `traintop search` (`--space` or `--config`): its search keys
/// (`SearchKey`), its `[space]` table, and the rest as train options.
struct SearchFile {
  var settings: [(SearchKey, Any)] = []
  var space: [SearchPlan.SpaceEntry] = []
  var options: ConfigFile

  init(path: String) throws {
    var raw: [String: Any]
    do { raw = try ConfigFile.read(path) } catch let error as ConfigError { throw CLIError.usage("\(error)") }
    for key in SearchKey.allCases where key != .space {
      if let value = raw.removeValue(forKey: key.rawValue) { settings.append((key, value)) }
    }
    if let found = raw.removeValue(forKey: TOMLReader.spaceKey) {
      space = try Self.space(found, path: path)
    }
    do { options = try ConfigFile(path: path, raw: raw) } catch let error as ConfigError {
      throw CLIError.usage("\(error)")
    }
    if options.changes != nil {
      throw CLIError.usage("\(path): a search's trials take no [[change]] tables")
    }
  }

  /// The `[space]` table (TOML) or `"space": {…}` object (JSON), by name.
  private static func space(_ found: Any, path: String) throws -> [SearchPlan.SpaceEntry] {
    let entries: [(String, Any)]
    var lines: [String: Int] = [:]
    if let tables = found as? [TOMLReader.Table], let table = tables.first {
      entries = table.values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
      lines = table.keyLines
    } else if let object = found as? [String: Any] {
      entries = object.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    } else {
      throw CLIError.usage("\(path): space: expected a table of distributions")
    }
    return try entries.map { name, value in
      do {
        let key = try SpaceParser.option(name)
        return SearchPlan.SpaceEntry(
          name: key.name, spec: SpaceParser.text(try SpaceParser.distribution(table: value, for: key)))
      } catch {
        throw CLIError.usage("\(lines[name].map { "\(path):\($0)" } ?? path): [space] \(error)")
      }
    }
  }
}
