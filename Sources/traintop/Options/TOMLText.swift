import Foundation
import Training

/// Values written as the TOML that `TOMLReader` reads back (`best.toml`, `traintop changes`).
enum TOMLText {
  /// A string quoted and escaped; a number in its shortest round-trip form (`Format.exact`); a boolean.
  static func value(_ value: OptionValue) -> String {
    switch value {
    case .bool(let b): return b ? "true" : "false"
    case .number(let x): return Format.exact(x)
    case .string(let s): return string(s)
    }
  }

  /// `"…"` with quotes, backslashes and control characters escaped.
  static func string(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\t": escaped += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          escaped += String(format: "\\u%04X", scalar.value)
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return "\"" + escaped + "\""
  }
}
