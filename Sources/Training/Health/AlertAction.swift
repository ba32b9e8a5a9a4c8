import Foundation

/// What an alert does besides reporting itself (`--on-alert KIND=ACTION`).
public enum AlertAction: Sendable, Equatable, Codable {
  /// Only report (the default).
  case none
  /// Pause the run, as `p` would.
  case pause
  /// Stop the run, as `q` would (best weights, test evaluation, logs).
  case stop
  /// Multiply the learning rate by this factor (`lr*0.5`), as `:lr *0.5` would.
  case scaleLearningRate(Double)

  /// Reads `none`, `pause`, `stop` or `lr*F` (F in (0, 10]); nil for anything else.
  public init?(text: String) {
    let word = text.trimmingCharacters(in: .whitespaces).lowercased()
    switch word {
    case "none": self = .none
    case "pause": self = .pause
    case "stop": self = .stop
    default:
      guard word.hasPrefix("lr*"), let factor = Double(word.dropFirst(3)), factor > 0, factor <= 10 else {
        return nil
      }
      self = .scaleLearningRate(factor)
    }
  }

  /// The names `init?(text:)` reads, for error messages and help.
  public static let spellings = "none, pause, stop or lr*F (e.g. lr*0.5)"

  /// `none`, `pause`, `stop`, `lr*0.5`.
  public var description: String {
    switch self {
    case .none: "none"
    case .pause: "pause"
    case .stop: "stop"
    case .scaleLearningRate(let factor): "lr*" + Format.compact(factor, significantDigits: 6)
    }
  }

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let action = AlertAction(text: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "expected \(Self.spellings), got '\(text)'"))
    }
    self = action
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
