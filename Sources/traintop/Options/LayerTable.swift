import NN

/// One layer written as a table in a config file (`[[model.layers]]` in TOML, an element of
/// `"model": {"layers": […]}` in JSON), turned into its token of the layer language.
///
/// `type` names the layer as the language does (`conv`, `maxpool`, `avgpool`, `gap`, `bn`,
/// `dropout`, `dropout2d`, `flatten`, `dense`, or an activation such as `relu`); the other keys are Keras's
/// words where they fit: `filters`, `kernel`, `stride`, `padding`, `rate`, `units`.
enum LayerTable {
  /// The keys each type takes: required first, then optional.
  static func keys(for type: String) -> (required: [String], optional: [String])? {
    switch type {
    case "conv": (["filters", "kernel"], ["stride", "padding"])
    case "maxpool", "avgpool": (["kernel"], ["stride", "padding"])
    case "dropout", "dropout2d": (["rate"], [])
    case "dense": ([], ["units"])
    case "gap", "bn", "flatten": ([], [])
    default: ActivationKind(rawValue: type) == nil ? nil : ([], [])
    }
  }

  /// The token for one table (`conv16k3p1`), checked by the layer language's own parser.
  static func token(_ values: [String: Any]) throws(Problem) -> String {
    guard let type = values["type"] as? String else {
      throw Problem("a layer table needs type = \"conv\", \"maxpool\", \"relu\", \"dense\", …")
    }
    guard let keys = keys(for: type) else {
      throw Problem(
        "unknown layer type '\(type)': expected conv, maxpool, avgpool, gap, bn, dropout, dropout2d, flatten, dense or "
          + ActivationKind.allCases.map(\.rawValue).joined(separator: ", "))
    }
    let allowed = Set(keys.required + keys.optional + ["type"])
    if let stray = values.keys.sorted().first(where: { !allowed.contains($0) }) {
      let expected = keys.required + keys.optional
      let hint = OptionKey(name: stray) == nil ? "" : " (options go above the first [[model.layers]])"
      throw Problem(
        "\(type) takes " + (expected.isEmpty ? "no keys" : expected.joined(separator: ", ")) + ", not '\(stray)'"
          + hint)
    }
    if let missing = keys.required.first(where: { values[$0] == nil }) {
      throw Problem("\(type) needs \(missing)")
    }
    let text = try spell(type, values)
    do {
      _ = try LayerSpec(token: text)
    } catch {
      throw Problem("\(error)")
    }
    return text
  }

  /// The token text from the type and its values.
  private static func spell(_ type: String, _ values: [String: Any]) throws(Problem) -> String {
    switch type {
    case "conv":
      return try "conv\(whole("filters", values))k\(whole("kernel", values))"
        + optional("s", "stride", values) + optional("p", "padding", values)
    case "maxpool", "avgpool":
      return try "\(type)\(whole("kernel", values))" + optional("s", "stride", values)
        + optional("p", "padding", values)
    case "dropout", "dropout2d":
      guard let rate = values["rate"] as? Double, rate.isFinite else {
        throw Problem("\(type)'s rate must be a number")
      }
      return "\(type)\(rate)"
    case "dense":
      return try values["units"] == nil ? "dense" : "dense\(whole("units", values))"
    default:
      return type
    }
  }

  /// `prefix` and the whole number under `key`, or nothing when the key is absent.
  private static func optional(_ prefix: String, _ key: String, _ values: [String: Any]) throws(Problem) -> String {
    values[key] == nil ? "" : try prefix + String(whole(key, values))
  }

  /// The whole number under `key` (checked before conversion, so no value can trap).
  private static func whole(_ key: String, _ values: [String: Any]) throws(Problem) -> Int {
    guard let number = values[key] as? Double, number.rounded() == number, number >= 0, number <= 1_000_000_000 else {
      throw Problem("\(key) must be a whole number from 0 to 10^9, got \(values[key].map { "\($0)" } ?? "nothing")")
    }
    return Int(number)
  }

  /// What is wrong with a table.
  struct Problem: Error {
    let message: String
    init(_ message: String) { self.message = message }
  }
}
