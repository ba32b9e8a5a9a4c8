/// Whether a monitored value improves by going down (a loss) or up (an accuracy).
public enum PlateauMode: String, Codable, Sendable, CaseIterable {
  /// Lower is better.
  case min
  /// Higher is better.
  case max
}
