import Foundation

/// Number and time formatting for the dashboard, the headless printer and event text: short,
/// fixed rules, no locale. The one place numbers become text.
public enum Format {
  /// A learning rate: three significant digits, always in scientific form with at least one
  /// decimal: `1.0e-3`, `1.25e-3`, `3.16e-4`.
  public static func rate(_ value: Double) -> String {
    let text = scientific(value, digits: 2, trimmingZeros: true)
    guard let e = text.firstIndex(of: "e"), !text[..<e].contains(".") else { return text }
    return text[..<e] + ".0" + text[e...]
  }

  /// A value exactly as given, for error messages: `-1`, `2.5`, `4.611686018427388e+18`, `∞`.
  public static func exact(_ value: Double) -> String {
    guard value.isFinite else { return nonFinite(value) }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }

  /// Samples per second: `28.4k`, `950`.
  public static func throughput(_ value: Double) -> String {
    compact(value.isFinite ? value.rounded() : value)
  }

  /// A number with exactly `decimals` digits after the point, rounded half away from zero.
  ///
  /// `fixed(2.345, decimals: 2)` is `"2.35"` (up to binary rounding of the input); non-finite
  /// values print as `NaN`, `∞`, `-∞`.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    fixed(value, decimals: decimals, trimmingZeros: false)
  }

  /// `fixed`, optionally dropping trailing zeros after the point (and the point itself).
  static func fixed(_ value: Double, decimals: Int, trimmingZeros: Bool) -> String {
    guard value.isFinite else { return nonFinite(value) }
    var places = max(0, min(decimals, 12))
    var scale: Double = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e18 else { return scientific(value, digits: places) }
    var whole = UInt64(scaled)
    let sign = value < 0 && whole > 0 ? "-" : ""
    if trimmingZeros {
      while places > 0, whole % 10 == 0 {
        whole /= 10
        places -= 1
      }
    }
    guard places > 0 else { return sign + String(whole) }
    var unit: UInt64 = 1
    for _ in 0..<places { unit *= 10 }
    let fraction = String(whole % unit)
    let padding = String(repeating: "0", count: places - fraction.count)
    return sign + String(whole / unit) + "." + padding + fraction
  }

  /// Scientific notation with `digits` mantissa decimals and a bare exponent: `1.0e-3`, `2.5e4`.
  public static func scientific(_ value: Double, digits: Int = 1) -> String {
    scientific(value, digits: digits, trimmingZeros: false)
  }

  /// `scientific`, optionally dropping trailing zeros of the mantissa (`1e-4`, `2.5e-5`).
  static func scientific(_ value: Double, digits: Int, trimmingZeros: Bool) -> String {
    guard value.isFinite else { return nonFinite(value) }
    guard value != 0 else { return "0" }
    var exponent = Int((log10(abs(value))).rounded(.down))
    var mantissa = value / power10(exponent)
    // Rounding the mantissa may carry it to 10 (9.96 → "10.0"): renormalise.
    if abs((mantissa * power10(digits)).rounded()) >= 10 * power10(digits) {
      exponent += 1
      mantissa = value / power10(exponent)
    }
    return fixed(mantissa, decimals: digits, trimmingZeros: trimmingZeros) + "e" + String(exponent)
  }

  /// A short number: `significantDigits` digits, `k`/`M`/`G` suffixes, scientific below 1e-3.
  ///
  /// Examples (3 digits): `21437 → "21.4k"`, `0.08123 → "0.0812"`, `2.3 → "2.3"`,
  /// `0.00025 → "2.5e-4"`, `1250000 → "1.25M"`. Trailing zeros after the point are dropped.
  public static func compact(_ value: Double, significantDigits: Int = 3) -> String {
    guard value.isFinite else { return nonFinite(value) }
    guard value != 0 else { return "0" }
    let digits = max(1, significantDigits)
    let magnitude = abs(value)
    if magnitude < 1e-3 { return scientific(value, digits: digits - 1, trimmingZeros: true) }
    let suffixes = ["", "k", "M", "G", "T"]
    var tier = 0
    var scaled = value
    while abs(scaled) >= 1000, tier < suffixes.count - 1 {
      scaled /= 1000
      tier += 1
    }
    var text = significant(scaled, digits: digits)
    // Rounding may reach 1000 (999.96 → "1000"): move up one suffix.
    if let rounded = Double(text), abs(rounded) >= 1000, tier < suffixes.count - 1 {
      scaled /= 1000
      tier += 1
      text = significant(scaled, digits: digits)
    }
    return text + suffixes[tier]
  }

  /// A duration as `m:ss`, or `h:mm:ss` from one hour up (`41 → "0:41"`, `3725 → "1:02:05"`).
  public static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "--:--" }
    let total = Int(max(0, seconds).rounded())
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
    let paddedSeconds = secs < 10 ? "0\(secs)" : "\(secs)"
    if hours == 0 { return "\(minutes):\(paddedSeconds)" }
    let paddedMinutes = minutes < 10 ? "0\(minutes)" : "\(minutes)"
    return "\(hours):\(paddedMinutes):\(paddedSeconds)"
  }

  /// A size in bytes, in binary units with three significant digits: `312 MB`, `1.25 GB`, `800 kB`.
  public static func bytes(_ count: Int) -> String {
    let units = ["B", "kB", "MB", "GB", "TB"]
    var value = Double(max(0, count))
    var unit = 0
    while value >= 1000, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return (unit == 0 ? String(Int(value)) : compact(value)) + " " + units[unit]
  }

  /// A percentage with no decimals: `0.423 → "42%"`.
  public static func percent(_ fraction: Double) -> String {
    guard fraction.isFinite else { return nonFinite(fraction) }
    return fixed(fraction * 100, decimals: 0) + "%"
  }

  /// `value` with `digits` significant digits, trailing zeros dropped.
  static func significant(_ value: Double, digits: Int) -> String {
    let magnitude = abs(value)
    // Digits before the point (1 for 2.3, 0 for 0.5, -1 for 0.08): decimals fill up the rest.
    let leading = Int(log10(magnitude).rounded(.down)) + 1
    return fixed(value, decimals: max(0, digits - leading), trimmingZeros: true)
  }

  /// `NaN`, `∞` or `-∞`.
  static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞")
  }

  /// 10 to an integer power.
  static func power10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }
}
