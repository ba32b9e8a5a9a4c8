/// Where `h`, `j`, `k` and `l` move the focus on the screen (vim's directions).
public enum FocusDirection: Sendable, Equatable {
  case left, down, up, right
}
