import Dashboard
import Foundation

/// The person's own dashboard settings, from `$XDG_CONFIG_HOME/traintop/config.toml` (default
/// `~/.config/traintop/config.toml`): theme, colour, mouse, the ↑/↓ factor, smoothing, the layout
/// at start (page, focused pane, x axis, log scale) and key bindings (`key-pause = "p"`, or several:
/// `key-quit = "q, ctrl-c"`). A file with a problem is reported (file, line, what was expected) and
/// traintop starts with the defaults; flags such as `--theme` win over it.
struct UserConfig: Equatable {
  var theme: Theme = .dark
  var color: ColorMode = .auto
  var mouse = true
  var learningRateFactor = 1.25
  var smoothing = 0.6
  var page: DashboardPage = .training
  var focus: PaneID = .loss
  var xAxis: XAxisMode = .steps
  var logScale = false
  var keys: [KeyBinding: [Key]] = [:]

  init() {}

  /// The file's path for an environment: `$XDG_CONFIG_HOME/traintop/config.toml`, else `$HOME/.config/…`.
  static func path(environment: [String: String]) -> String? {
    if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/traintop/config.toml" }
    return environment["HOME"].map { $0 + "/.config/traintop/config.toml" }
  }

  /// The user config for this environment: the defaults when there is no file, and the defaults
  /// with the problem when the file is bad.
  /// A loaded user config and, when the file was bad, what was wrong with it.
  typealias Loaded = (config: UserConfig, problem: String?)

  static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> Loaded {
    guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else {
      return (UserConfig(), nil)
    }
    do {
      return (try UserConfig(path: path), nil)
    } catch {
      return (UserConfig(), "\(error); starting with the default settings")
    }
  }

  /// Reads `path`; an unknown key or a bad value is an error naming the file and line.
  init(path: String) throws(ConfigError) {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(path: path, message: "cannot read the file as UTF-8 text")
    }
    var lines: [String: Int] = [:]
    let values: [String: Any]
    do { values = try TOMLReader.parse(text, keyLines: &lines) } catch {
      throw ConfigError(path: path, line: error.line, message: error.message)
    }
    if let line = values[TOMLReader.layersKey].flatMap({ ($0 as? [TOMLReader.Table])?.first?.line }) {
      throw ConfigError(path: path, line: line, message: "model tables belong in a run's config, not here")
    }
    for (key, value) in values.sorted(by: { (lines[$0.key] ?? 0) < (lines[$1.key] ?? 0) }) {
      do { try set(key.replacingOccurrences(of: "_", with: "-"), to: value) } catch {
        throw ConfigError(path: path, line: lines[key], message: "key '\(key)': \(error.message)")
      }
    }
    try checkKeyConflicts(path: path, lines: lines)
  }

  /// Sets one setting from its key and TOML value.
  private mutating func set(_ key: String, to value: Any) throws(OptionProblem) {
    switch key {
    case "theme": theme = try choice(value, Theme.self)
    case "color": color = try choice(value, ColorMode.self)
    case "mouse": mouse = try flag(value)
    case "lr-factor": learningRateFactor = try number(value, in: 1.0001...100, "a number in (1, 100]")
    case "smoothing": smoothing = try number(value, in: 0...UIState.maximumSmoothing, "a number in [0, 0.99]")
    case "page":
      let name = try text(value)
      guard let found = ["training": DashboardPage.training, "validation": .validation][name] else {
        throw OptionProblem(message: "expected training or validation, got '\(name)'")
      }
      page = found
    case "focus": focus = try choice(value, PaneID.self)
    case "x-axis": xAxis = try choice(value, XAxisMode.self)
    case "log-scale": logScale = try flag(value)
    default:
      guard key.hasPrefix("key-"), let binding = KeyBinding.allCases.first(where: { "key-" + $0.configName == key })
      else {
        throw OptionProblem(
          message: "unknown key; expected theme, color, mouse, lr-factor, smoothing, page, focus, x-axis, "
            + "log-scale or key-<action> (key-" + KeyBinding.allCases.map(\.configName).joined(separator: ", key-")
            + ")")
      }
      keys[binding] = try keyList(value)
    }
  }

  /// A key the file binds to two actions is an error at the later line. A key the file binds
  /// takes it from the action that had it by default (`key-log-scale = "l"` leaves `l` to log scale).
  private func checkKeyConflicts(path: String, lines: [String: Int]) throws(ConfigError) {
    var owner: [Key: KeyBinding] = [:]
    let ordered = keys.keys.sorted { (lines["key-" + $0.configName] ?? 0) < (lines["key-" + $1.configName] ?? 0) }
    for binding in ordered {
      for key in keys[binding] ?? [] {
        if let other = owner[key], other != binding {
          throw ConfigError(
            path: path, line: lines["key-" + binding.configName],
            message: "'\(KeyBinding.name(key))' is bound to both \(other.configName) and \(binding.configName)")
        }
        owner[key] = binding
      }
    }
  }

  /// Every binding whose keys differ from the defaults: the file's, and the defaults that lost a key
  /// to them.
  var keyOverrides: [KeyBinding: [Key]] {
    let claimed = Set(keys.values.flatMap { $0 })
    var overrides = keys
    for binding in KeyBinding.allCases where keys[binding] == nil && binding.keys.contains(where: claimed.contains) {
      overrides[binding] = binding.keys.filter { !claimed.contains($0) }
    }
    return overrides
  }

  /// Puts the settings into a fresh UI state.
  func apply(to ui: inout UIState) {
    ui.learningRateFactor = learningRateFactor
    ui.smoothing = smoothing
    ui.page = page
    ui.focus = focus
    ui.xAxis = xAxis
    ui.logScale = logScale
    ui.keyOverrides = keyOverrides
  }

  private func text(_ value: Any) throws(OptionProblem) -> String {
    guard let text = value as? String else { throw OptionProblem(message: "expected a string in quotes") }
    return text
  }

  private func flag(_ value: Any) throws(OptionProblem) -> Bool {
    guard let flag = value as? Bool else { throw OptionProblem(message: "expected true or false") }
    return flag
  }

  private func number(_ value: Any, in range: ClosedRange<Double>, _ expected: String) throws(OptionProblem)
    -> Double
  {
    guard let number = value as? Double, range.contains(number) else {
      throw OptionProblem(message: "expected \(expected), got \(value)")
    }
    return number
  }

  private func choice<T: CaseIterable & RawRepresentable>(_ value: Any, _ type: T.Type) throws(OptionProblem) -> T
  where T.RawValue == String {
    let name = try text(value)
    guard let found = T(rawValue: name) else {
      throw OptionProblem(message: "expected " + T.allCases.map(\.rawValue).joined(separator: ", ") + ", got '\(name)'")
    }
    return found
  }

  private func keyList(_ value: Any) throws(OptionProblem) -> [Key] {
    let names = try text(value).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    var keys: [Key] = []
    for name in names {
      guard let key = KeyBinding.key(named: name) else {
        throw OptionProblem(
          message: "unknown key '\(name)': expected one character or space, tab, shift-tab, enter, esc, up, down, "
            + "left, right, pgup, pgdn, home, end, backspace, delete, ctrl-c")
      }
      keys.append(key)
    }
    guard !keys.isEmpty else { throw OptionProblem(message: "expected at least one key") }
    return keys
  }
}
