import Dashboard
import Terminal

/// `--color`, `--theme` and `--no-mouse` as given (nil or false: the user config decides).
struct DisplayFlags: Equatable {
  var colorMode: ColorMode?
  var theme: Theme?
  var noMouse = false
}
