/// The value of an option that is on by default and can be turned off by name (`--tensorboard off`).
enum OnOff: String, CaseIterable, Sendable {
  case on, off
}
