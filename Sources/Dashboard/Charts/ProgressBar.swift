/// A horizontal bar drawn with full blocks and one partial eighth block: `██████▌   `.
public enum ProgressBar {
  /// The partial blocks for 1/8 … 7/8 of a cell.
  static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// The bar for `fraction` (clamped to 0…1) in exactly `width` cells, padded with spaces.
  ///
  /// The filled length is rounded to the nearest eighth of a cell.
  public static func text(_ fraction: Double, width: Int) -> String {
    guard width > 0 else { return "" }
    let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
    let eighthsFilled = Int((clamped * Double(width * 8)).rounded())
    let full = eighthsFilled / 8
    let partial = eighthsFilled % 8
    var bar = String(repeating: "█", count: full)
    if partial > 0 { bar.append(eighths[partial - 1]) }
    return bar.rightPadded(to: width)
  }
}
